namespace SupportFlow.Server.Users;

/// <summary>
/// <c>POST /api/users</c> and <c>PUT /api/users/{login}</c>. On PUT, fields left out (null)
/// keep their value; <c>teams</c>, when given, replaces the user's teams.
/// </summary>
public sealed record UserRequest(
    string? Login,
    string? Name,
    string? Role,
    string? Department,
    string[]? Teams,
    string? Email,
    string? Phone,
    string? Password,
    bool? Available = null,
    bool? Active = null,
    string? Language = null,
    string? NotifyBy = null);

public sealed record UserResponse(
    string Login,
    string Name,
    SupportFlow.Users.Role Role,
    string? Department,
    string[] Teams,
    string? Email,
    string? Phone,
    bool Available,
    bool Active,
    string? Language,
    SupportFlow.Notifications.NotifyBy NotifyBy,
    DateTimeOffset CreatedAt)
{
    public static UserResponse From(SupportFlow.Users.User u) => new(
        u.Login, u.Name, u.Role, u.Department?.Name, [.. u.Teams.Select(t => t.Name).Order(StringComparer.Ordinal)],
        u.Email, u.Phone, u.Available, u.IsActive, u.Language, u.NotifyBy, u.CreatedAt);
}

public sealed record TokenRequest(string? Name);

/// <summary>The secret is shown here once and never again: only its hash is stored.</summary>
public sealed record TokenResponse(int Id, string Login, string Name, string Token, DateTimeOffset CreatedAt);

/// <summary>A token as listed: who, what and when, never the secret.</summary>
public sealed record TokenListing(int Id, string Login, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public sealed record DepartmentRequest(string? Name);

public sealed record DepartmentResponse(string Name);
