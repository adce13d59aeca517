using SupportFlow.Routing;

namespace SupportFlow.Tickets;

/// <summary>Where a new ticket goes, and the reason the history gives for it.</summary>
public sealed record TicketRoute(Team? Team, string Reason)
{
    /// <summary>
    /// The module's own team; else the default team of the module's category; else no team:
    /// the ticket waits in the service desk queue for a supervisor's triage.
    /// </summary>
    public static TicketRoute For(Module module, CategoryRoute? categoryDefault) =>
        module.Team is { } team ? new(team, $"Responsible team of module {module.Name}")
        : categoryDefault is not null ? new(categoryDefault.Team, $"Default team of category '{module.Category}' (module {module.Name} names no team)")
        : new(null, $"Service desk queue: neither module {module.Name} nor category '{module.Category}' names a team; awaits triage");
}
