using SupportFlow.Users;

namespace SupportFlow.Routing;

/// <summary>How a team's new tickets reach a person.</summary>
public enum AssignmentMode
{
    Manual,
    RoundRobin,
    LeastLoaded,
}

/// <summary>A group of engineers responsible for modules (system engineers, hardware ops, network, ...).</summary>
public sealed class Team
{
    private Team()
    {
    }

    public Team(string name) => Name = name;

    public int Id { get; private set; }

    public string Name { get; set; } = "";

    public AssignmentMode AssignmentMode { get; set; }

    public List<User> Members { get; } = [];

    /// <summary>Where the team's chat group is, if it has one.</summary>
    public ChatGroup? Chat
    {
        get => ChatKind is { } kind && ChatUrl is not null ? new ChatGroup(kind, ChatUrl, ChatSecret) : null;
        set
        {
            ChatKind = value?.Kind;
            ChatUrl = value?.Url;
            ChatSecret = value?.Secret;
        }
    }

    public ChatKind? ChatKind { get; private set; }

    public string? ChatUrl { get; private set; }

    public string? ChatSecret { get; private set; }

    /// <summary>
    /// How many tickets were assigned automatically: round robin's turn counter, incremented in
    /// the database (<c>UPDATE ... RETURNING</c>) so concurrent intakes never take the same turn.
    /// </summary>
    public long AutoAssignTurns { get; private set; }
}
