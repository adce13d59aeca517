using SupportFlow.Localization;
using SupportFlow.Routing;

namespace SupportFlow.Tickets;

/// <summary>Where a new ticket goes, and the reason the history gives for it.</summary>
public sealed record TicketRoute(Team? Team, LocalizedMessage Reason)
{
    /// <summary>
    /// The module's own team; else the default team of the module's category; else no team:
    /// the ticket waits in the service desk queue for a supervisor's triage.
    /// </summary>
    public static TicketRoute For(Module module, CategoryRoute? categoryDefault) =>
        module.Team is { } team ? new(team, new LocalizedMessage("Responsible team of module {0}", module.Name))
        : categoryDefault is not null
            ? new(categoryDefault.Team, new LocalizedMessage("Default team of category '{0}' (module {1} names no team)", module.Category, module.Name))
            : new(null, new LocalizedMessage("Service desk queue: neither module {0} nor category '{1}' names a team; awaits triage",
                module.Name, module.Category));
}
