namespace SupportFlow.Recurring;

/// <summary>How one ticket relates to another.</summary>
public enum TicketLinkKind
{
    /// <summary>The same problem reported again; the other ticket is the one worked on.</summary>
    DuplicateOf,
    Related,

    /// <summary>This problem was caused by the other ticket's (a failed switch caused the printer outage).</summary>
    CausedBy,
}

/// <summary>A link from one ticket to another, recorded with who made it and when.</summary>
public sealed class TicketLink
{
    private TicketLink()
    {
    }

    public TicketLink(long ticketId, long linkedTicketId, TicketLinkKind kind, string createdBy, DateTimeOffset createdAt)
    {
        TicketId = ticketId;
        LinkedTicketId = linkedTicketId;
        Kind = kind;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public long LinkedTicketId { get; private set; }

    public TicketLinkKind Kind { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
