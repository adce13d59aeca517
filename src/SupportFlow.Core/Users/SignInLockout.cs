namespace SupportFlow.Users;

/// <summary>How many wrong passwords in a row lock a login name (known or not), and for how long.</summary>
public static class SignInLockout
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}
