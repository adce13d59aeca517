using SupportFlow.Sla;

namespace SupportFlow.Tickets;

/// <summary>What a span of a ticket's life means for its SLA clocks.</summary>
public enum ClockIntervalKind
{
    /// <summary>Pending on the reporter: resolution and update clocks pause.</summary>
    PendingOnReporter,

    /// <summary>Resolved until reopened: the resolution clock is stopped.</summary>
    Resolved,
}

/// <summary>A span [From, To) of a ticket's life that its SLA clocks must know about; To null while it lasts.</summary>
public sealed class TicketClockInterval
{
    private TicketClockInterval()
    {
    }

    internal TicketClockInterval(ClockIntervalKind kind, DateTimeOffset from)
    {
        Kind = kind;
        From = from;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public ClockIntervalKind Kind { get; private set; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset? To { get; private set; }

    internal void End(DateTimeOffset at) => To = at;

    public ClockInterval ToClockInterval() => new(From, To);
}
