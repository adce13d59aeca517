namespace SupportFlow.Routing;

/// <summary>
/// What a problem is about: a system and version or a device ("Sales module V3.2",
/// "Meeting room A printer"). Its category and team decide where a new ticket goes.
/// </summary>
public sealed class Module
{
    private Module()
    {
    }

    public Module(string name, string category, Team? team)
    {
        Name = name;
        Category = category;
        Team = team;
    }

    public int Id { get; private set; }

    public string Name { get; set; } = "";

    /// <summary>system, hardware, network, ...: free text, so each desk names its own specialities.</summary>
    public string Category { get; set; } = "";

    /// <summary>Null: tickets go to the category's default team, or else to the service desk queue.</summary>
    public int? TeamId { get; private set; }

    public Team? Team { get; set; }
}
