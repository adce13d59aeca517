using SupportFlow.Tickets;

namespace SupportFlow.Reviews;

/// <summary>A ticket a review is about; one review may cover several (a recurring problem), one ticket several reviews.</summary>
public sealed class ReviewTicket
{
    private ReviewTicket()
    {
    }

    internal ReviewTicket(Ticket ticket, DateTimeOffset linkedAt)
    {
        Ticket = ticket;
        TicketId = ticket.Id;
        LinkedAt = linkedAt;
    }

    public int ReviewId { get; private set; }

    public long TicketId { get; private set; }

    public Ticket Ticket { get; private set; } = null!;

    public DateTimeOffset LinkedAt { get; private set; }
}
