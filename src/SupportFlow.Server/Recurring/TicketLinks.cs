using SupportFlow.Localization;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Recurring;
using SupportFlow.Reviews;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Tickets;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Recurring;

/// <summary>
/// Duplicates and related tickets: what the API's <c>/similar</c>, <c>/links</c> and <c>/merge</c>
/// and the staff ticket page both read and write.
/// </summary>
public sealed class TicketLinks(TicketWork work, RecurringDetection detection, SupportFlowDbContext db, SlaSettings sla,
    TimeProvider clock, OrganizationTime org)
{
    /// <summary>Possible duplicates of a ticket the caller has already loaded (and may see).</summary>
    public async Task<SimilarTicketsResponse> SimilarAsync(Ticket ticket, CancellationToken ct)
    {
        var similar = await detection.FindSimilarAsync(ticket.ModuleId, ticket.Id, ticket.Title, ticket.Description, ticket.ReceivedAt, ct);
        var recurring = RecurringProblems.Recurring(similar, ticket.ReceivedAt, detection.Options).Count > 0;
        var review = await db.ReviewTickets
            .Where(l => l.TicketId == ticket.Id
                        && db.Reviews.Any(r => r.Id == l.ReviewId && r.Trigger == ReviewTrigger.RecurringProblem && r.Status == ReviewStatus.Open))
            .Select(l => (int?)l.ReviewId)
            .FirstOrDefaultAsync(ct);
        return new SimilarTicketsResponse(
            [.. similar.Take(20).Select(s => new SimilarTicketResponse(s.Ticket.Number, s.Ticket.Title, s.Ticket.Status,
                org.Local(s.Ticket.ReceivedAt), Math.Round(s.Score, 3)))],
            recurring, review);
    }

    /// <summary>The links made on the ticket and on the tickets linked to it, oldest first.</summary>
    public async Task<TicketLinkResponse[]> ListAsync(Ticket ticket, CancellationToken ct)
    {
        var outgoing = await db.Set<TicketLink>().Where(l => l.TicketId == ticket.Id)
            .Join(db.Tickets, l => l.LinkedTicketId, t => t.Id, (l, t) => new { l, t.Number, t.Title, t.Status })
            .ToListAsync(ct);
        var incoming = await db.Set<TicketLink>().Where(l => l.LinkedTicketId == ticket.Id)
            .Join(db.Tickets, l => l.TicketId, t => t.Id, (l, t) => new { l, t.Number, t.Title, t.Status })
            .ToListAsync(ct);
        return [.. outgoing.Select(x => new TicketLinkResponse(WireNames.Of(x.l.Kind), x.Number, x.Title, x.Status, x.l.CreatedBy,
                org.Local(x.l.CreatedAt)))
            .Concat(incoming.Select(x => new TicketLinkResponse(Inverse(x.l.Kind), x.Number, x.Title, x.Status, x.l.CreatedBy,
                org.Local(x.l.CreatedAt))))
            .OrderBy(l => l.CreatedAt)];
    }

    public async Task<TicketLinkResponse> LinkAsync(Actor actor, string number, LinkRequest request, CancellationToken ct)
    {
        // Permission first: what a body names (another ticket) is only looked up for someone who works this one.
        var ticket = await work.FindAsync(actor, number, ct);
        EnsureWorks(actor, ticket);
        var errors = new RequestErrors();
        var kind = errors.Enum<TicketLinkKind>("kind", request.Kind);
        var otherNumber = errors.Required("ticket", request.Ticket, 20);
        errors.ThrowIfInvalid();
        var other = await db.Tickets.SingleOrDefaultAsync(t => t.Number == otherNumber, ct);
        if (other is null || other.Id == ticket.Id)
        {
            errors.Add("ticket", other is null
                ? new LocalizedMessage("Unknown ticket {0}.", otherNumber)
                : new LocalizedMessage("A ticket cannot be linked to itself."));
            errors.ThrowIfInvalid();
        }

        if (await db.Set<TicketLink>().AnyAsync(l => (l.TicketId == ticket.Id && l.LinkedTicketId == other!.Id)
                                                     || (l.TicketId == other!.Id && l.LinkedTicketId == ticket.Id), ct))
        {
            throw new DomainException("Tickets {0} and {1} are already linked.", ticket.Number, otherNumber);
        }

        var now = clock.GetUtcNow();
        var link = new TicketLink(ticket.Id, other!.Id, kind!.Value, actor.Login, now);
        db.Add(link);
        ticket.RecordLink(actor, now, WireNames.Of(kind.Value), other.Number);
        other.RecordLink(actor, now, Inverse(kind.Value), ticket.Number);
        await db.SaveChangesAsync(ct);
        return new TicketLinkResponse(WireNames.Of(kind.Value), other.Number, other.Title, other.Status, actor.Login, org.Local(now));
    }

    /// <summary>
    /// Merges the ticket (a duplicate) into <c>into</c>: it is cancelled as "Duplicate of ...", its
    /// history and reporter are carried over to the survivor's history, and a duplicateOf link is kept.
    /// </summary>
    /// <returns>The survivor.</returns>
    public async Task<Ticket> MergeAsync(Actor actor, string number, MergeRequest request, CancellationToken ct)
    {
        var duplicate = await work.FindAsync(actor, number, ct);
        EnsureMerges(actor, duplicate);
        var errors = new RequestErrors();
        var into = errors.Required("into", request.Into, 20);
        errors.ThrowIfInvalid();
        Ticket survivor;
        try
        {
            survivor = await work.FindAsync(actor, into, ct);
        }
        catch (NotFoundException)
        {
            throw new RequestValidationException("into", "Unknown ticket {0}.", into);
        }

        EnsureMerges(actor, survivor);

        var history = await db.TicketHistory.AsNoTracking().Where(h => h.TicketId == duplicate.Id).OrderBy(h => h.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        duplicate.MergeInto(survivor, history, actor, now);
        db.Add(new TicketLink(duplicate.Id, survivor.Id, TicketLinkKind.DuplicateOf, actor.Login, now));
        await sla.ApplyAsync(duplicate, now, ct);
        await sla.ApplyAsync(survivor, now, ct);
        await db.SaveChangesAsync(ct);
        return survivor;
    }

    /// <summary>Links are made by whoever works the ticket.</summary>
    public static void EnsureWorks(Actor actor, Ticket ticket)
    {
        if (!TicketPermissions.Works(actor, ticket))
        {
            throw new ForbiddenException("Ticket {0} belongs to another team and is not assigned to you.", ticket.Number);
        }
    }

    /// <summary>Merging is for whoever works both tickets: checked on each, the merged one first.</summary>
    public static void EnsureMerges(Actor actor, Ticket ticket)
    {
        if (!TicketPermissions.Works(actor, ticket))
        {
            throw new ForbiddenException("Merging needs a supervisor or someone who works both tickets.");
        }
    }

    private static string Inverse(TicketLinkKind kind) => kind switch
    {
        TicketLinkKind.DuplicateOf => "duplicatedBy",
        TicketLinkKind.Related => "related",
        TicketLinkKind.CausedBy => "causes",
    };
}
