using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Localization;
using SupportFlow.Reviews;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Reviews;

/// <summary>
/// Opens the reviews that happen by themselves. Called before the save that closes a ticket, so
/// the closure and its review are committed together (one SaveChanges, one transaction).
/// </summary>
public sealed class ReviewOpening(SupportFlowDbContext db)
{
    /// <summary>A closed P1/P2 ticket gets a review, unless a review still open already covers it (closed again after a reopen).</summary>
    public async Task<Review?> OnTicketClosedAsync(Ticket ticket, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Review.IsOpenedByClosing(ticket)
            || await db.ReviewTickets.AnyAsync(
                l => l.TicketId == ticket.Id && db.Reviews.Any(r => r.Id == l.ReviewId && r.Status == ReviewStatus.Open),
                cancellationToken))
        {
            return null;
        }

        var review = Review.ForClosedTicket(ticket, actor, now);
        db.Reviews.Add(review);
        ticket.RecordReview(actor, now, new LocalizedMessage("Post-incident review opened: {0} ticket closed.", ticket.Priority.ToString()));
        return review;
    }
}
