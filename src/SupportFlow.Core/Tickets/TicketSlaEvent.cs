namespace SupportFlow.Tickets;

/// <summary>
/// A warning, breach or escalation of one SLA target, recorded once. Its key (ticket, target,
/// level, due time) is unique in the database, so a sweep repeated after a restart, or run by
/// two nodes at once, cannot record it twice. A new due time (the update clock restarts with
/// each public update) is a new instance that may warn again.
/// </summary>
public sealed class TicketSlaEvent
{
    private TicketSlaEvent()
    {
    }

    public TicketSlaEvent(string target, string level, DateTimeOffset dueAt, DateTimeOffset at)
    {
        Target = target;
        Level = level;
        DueAt = dueAt;
        At = at;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    /// <summary>firstResponse, assignment, update or resolution.</summary>
    public string Target { get; private set; } = "";

    /// <summary><c>warning</c> (80% elapsed), <c>breach</c>, or <c>escalation:NAME</c>.</summary>
    public string Level { get; private set; } = "";

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset At { get; private set; }
}
