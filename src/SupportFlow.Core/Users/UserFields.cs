using System.Text.RegularExpressions;

namespace SupportFlow.Users;

/// <summary>Shapes of user fields, shared by the API, the CLI and the intake checks.</summary>
public static partial class UserFields
{
    /// <summary>Logins are lower-case letters, digits and . _ - @ so they are safe in URLs and scripts.</summary>
    public static bool IsValidLogin(string login) => LoginPattern().IsMatch(login);

    public static bool LooksLikeEmail(string email) => EmailPattern().IsMatch(email);

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]{1,63}$")]
    private static partial Regex LoginPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
