namespace SupportFlow.Users;

/// <summary>
/// Wrong passwords in a row for one login name, as typed (lower case), whether or not a user of that
/// name exists: an unknown login is counted and locked exactly like a real one, so neither the
/// message nor the lockout tells which logins exist. The count is changed only by one conditional
/// UPDATE (see SignInThrottles in the server), so parallel guesses cannot slip past the lock.
/// </summary>
public sealed class SignInThrottle
{
    private SignInThrottle()
    {
    }

    public SignInThrottle(string login) => Login = login;

    public string Login { get; private set; } = "";

    /// <summary>Wrong passwords in a row since the last successful sign-in or lockout.</summary>
    public int Failures { get; private set; }

    /// <summary>Sign-in is refused until then, whatever the password: it slows down password guessing.</summary>
    public DateTimeOffset? LockedOutUntil { get; private set; }

    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil > now;
}
