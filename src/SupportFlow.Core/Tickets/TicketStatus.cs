namespace SupportFlow.Tickets;

/// <summary>Where a ticket is in its lifecycle. The API names are the camelCase member names.</summary>
public enum TicketStatus
{
    New,
    Assigned,
    InProgress,
    Pending,
    Resolved,
    Closed,
    Cancelled,
}
