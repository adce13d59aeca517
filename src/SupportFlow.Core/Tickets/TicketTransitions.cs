namespace SupportFlow.Tickets;

/// <summary>
/// The one table of which action a ticket accepts in which status. Every lifecycle method of
/// <see cref="Ticket"/> asks it first, so a refused action is always a
/// <see cref="TicketTransitionException"/> and never a silent no-op.
/// </summary>
public static class TicketTransitions
{
    private static readonly TicketStatus[] Open =
        [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Pending];

    private static readonly TicketStatus[] Active =
        [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Pending, TicketStatus.Resolved];

    public static IReadOnlyList<TicketStatus> AllowedFrom(TicketAction action) => action switch
    {
        TicketAction.Triage => Open,
        TicketAction.Assign => Open,
        TicketAction.Start => [TicketStatus.Assigned],
        TicketAction.Worklog => Active,
        TicketAction.Update => Active,
        TicketAction.Comment => Active,
        TicketAction.Pend => [TicketStatus.Assigned, TicketStatus.InProgress],
        TicketAction.Resume => [TicketStatus.Pending],
        TicketAction.Resolve => [TicketStatus.Assigned, TicketStatus.InProgress],
        TicketAction.Confirm => [TicketStatus.Resolved],
        TicketAction.Close => [TicketStatus.Resolved],
        TicketAction.Reopen => [TicketStatus.Resolved, TicketStatus.Closed],
        TicketAction.Cancel => Open,
        TicketAction.Attach => [.. Active, TicketStatus.Closed],
    };

    public static bool IsAllowed(TicketAction action, TicketStatus status) => AllowedFrom(action).Contains(status);

    /// <summary>Open tickets count towards workload and SLA; resolved ones wait on the reporter.</summary>
    public static bool IsOpen(TicketStatus status) => Open.Contains(status);
}
