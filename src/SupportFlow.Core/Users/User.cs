using SupportFlow.Routing;

namespace SupportFlow.Users;

/// <summary>A person who signs in: reporter, engineer, supervisor or admin.</summary>
public sealed class User
{
    private User()
    {
    }

    public User(string login, string name, Role role, DateTimeOffset createdAt)
    {
        Login = login;
        Name = name;
        Role = role;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>Unique, lower case; the natural key other resources refer to.</summary>
    public string Login { get; private set; } = "";

    public string Name { get; set; } = "";

    public Role Role { get; set; }

    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>A standard password hash (ASP.NET Core Identity's PBKDF2 format), never the password.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>A deactivated user keeps their history but can no longer sign in or be assigned.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Whether automatic assignment may pick this engineer now.</summary>
    public bool Available { get; set; } = true;

    /// <summary><c>zh-CN</c> or <c>en</c>: the language of this user's notifications; null means the configured default.</summary>
    public string? Language { get; set; }

    /// <summary>Where this user's notifications go: e-mail, their team's chat group, or both.</summary>
    public Notifications.NotifyBy NotifyBy { get; set; } = Notifications.NotifyBy.Email;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When this person last opened their "what is new" page: the top bar counts what happened for them after it.</summary>
    public DateTimeOffset? NewsSeenAt { get; set; }

    /// <summary>
    /// Changes whenever this user's sessions must end (a new password, deactivation, signing out):
    /// a session cookie carries the stamp it was issued with and is refused once they differ.
    /// </summary>
    public string SecurityStamp { get; private set; } = NewStamp();

    /// <summary>Ends every session of this user: each request checks its cookie's stamp against this one.</summary>
    public void EndSessions() => SecurityStamp = NewStamp();

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    public List<Team> Teams { get; } = [];

    public Actor ToActor() => new(Id, Login, Name, Role, Teams.Select(t => t.Id).ToHashSet()) { DepartmentId = DepartmentId };
}
