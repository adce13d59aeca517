namespace SupportFlow.Tickets;

/// <summary>
/// An escalation level that reached its target for a ticket: once per level per ticket, whichever
/// SLA target breached first and however often the level's event recurs (another target, a new due
/// time). Unique on (ticket, level) and inserted in the same save as its outbox rows, so a rerun,
/// a restart or a second node cannot send a level twice: the loser's save fails and rolls back.
/// </summary>
public sealed class TicketEscalation
{
    private TicketEscalation()
    {
    }

    public TicketEscalation(Ticket ticket, string level, string notify, DateTimeOffset at)
    {
        Ticket = ticket;
        Level = level;
        Notify = notify;
        At = at;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public Ticket? Ticket { get; private set; }

    /// <summary>The level's name (level ids change whenever the admin saves the list).</summary>
    public string Level { get; private set; } = "";

    /// <summary>The target it reached, in its wire form, as it was then.</summary>
    public string Notify { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
