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
}
