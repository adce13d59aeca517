namespace SupportFlow.Routing;

/// <summary>
/// The default team of a module category (system -> system engineers, hardware -> hardware
/// ops): where a ticket goes when its module names no team of its own.
/// </summary>
public sealed class CategoryRoute
{
    private CategoryRoute()
    {
    }

    public CategoryRoute(string category, Team team)
    {
        Category = category;
        Team = team;
    }

    public string Category { get; private set; } = "";

    public int TeamId { get; private set; }

    public Team Team { get; set; } = null!;
}
