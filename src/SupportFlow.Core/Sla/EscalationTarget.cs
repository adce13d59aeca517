using System.Diagnostics.CodeAnalysis;
using SupportFlow.Users;

namespace SupportFlow.Sla;

/// <summary>Who an escalation level reaches.</summary>
public enum EscalationTargetKind
{
    /// <summary>Every active supervisor.</summary>
    Supervisors,

    /// <summary>The members of the ticket's team.</summary>
    Team,

    /// <summary>One user, by login.</summary>
    User,

    /// <summary>The chat group of the ticket's team.</summary>
    Chat,
}

/// <summary>
/// An escalation level's <c>notify</c>: on the wire and in the database exactly <c>supervisors</c>,
/// <c>team</c>, <c>user:&lt;login&gt;</c> or <c>chat</c>. Parsed once, so the API, the admin page and
/// the sender agree on what a value means.
/// </summary>
public sealed record EscalationTarget
{
    private const string UserPrefix = "user:";

    private EscalationTarget(EscalationTargetKind kind, string? login)
    {
        Kind = kind;
        Login = login;
    }

    /// <summary>The wire forms, for messages: "supervisors, team, user:&lt;login&gt;, chat".</summary>
    public const string Allowed = "supervisors, team, user:<login>, chat";

    public static EscalationTarget Supervisors { get; } = new(EscalationTargetKind.Supervisors, null);

    public static EscalationTarget TeamMembers { get; } = new(EscalationTargetKind.Team, null);

    public static EscalationTarget TeamChat { get; } = new(EscalationTargetKind.Chat, null);

    public EscalationTargetKind Kind { get; }

    /// <summary>The user's login (lower case, as logins are stored) for <see cref="EscalationTargetKind.User"/>; else null.</summary>
    public string? Login { get; }

    /// <summary>One user; the login is not checked against the database here.</summary>
    public static EscalationTarget Person(string login) =>
        TryParse(UserPrefix + login, out var target) && target.Kind == EscalationTargetKind.User
            ? target
            : throw new ArgumentException($"'{login}' is not a valid login.", nameof(login));

    public static bool TryParse(string? wire, [NotNullWhen(true)] out EscalationTarget? target)
    {
        var value = wire?.Trim() ?? "";
        target = value switch
        {
            "supervisors" => Supervisors,
            "team" => TeamMembers,
            "chat" => TeamChat,
            _ when value.StartsWith(UserPrefix, StringComparison.Ordinal)
                   && value[UserPrefix.Length..].Trim().ToLowerInvariant() is var login
                   && UserFields.IsValidLogin(login) => new EscalationTarget(EscalationTargetKind.User, login),
            _ => null,
        };
        return target is not null;
    }

    public static EscalationTarget Parse(string wire) =>
        TryParse(wire, out var target) ? target : throw new FormatException($"'{wire}' is not one of {Allowed}.");

    /// <summary>
    /// A stored value. Levels saved before targets were typed held free text ("department head"); the
    /// <c>TicketEscalations</c> migration rewrote those to <c>supervisors</c>, and anything else unreadable
    /// reaches the supervisors too rather than no one.
    /// </summary>
    public static EscalationTarget FromStored(string stored) => TryParse(stored, out var target) ? target : Supervisors;

    /// <summary>The wire form.</summary>
    public override string ToString() => Kind switch
    {
        EscalationTargetKind.Supervisors => "supervisors",
        EscalationTargetKind.Team => "team",
        EscalationTargetKind.User => UserPrefix + Login,
        EscalationTargetKind.Chat => "chat",
        _ => throw new InvalidOperationException($"Unknown escalation target kind {Kind}."),
    };
}
