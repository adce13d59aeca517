namespace SupportFlow.Users;

/// <summary>Roles grow in power: each may do everything the one before it may.</summary>
public enum Role
{
    Reporter = 0,
    Engineer = 1,
    Supervisor = 2,
    Admin = 3,
}
