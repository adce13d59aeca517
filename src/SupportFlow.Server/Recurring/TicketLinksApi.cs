using SupportFlow.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Recurring;
using SupportFlow.Reviews;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Tickets;
using SupportFlow.Server.Web;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Recurring;

public sealed record SimilarTicketResponse(string Number, string Title, TicketStatus Status, DateTimeOffset ReceivedAt, double Score);

/// <summary>Possible duplicates of a ticket, and whether they make a recurring problem (with its open review, if any).</summary>
public sealed record SimilarTicketsResponse(SimilarTicketResponse[] Tickets, bool Recurring, int? Review);

public sealed record TicketLinkResponse(string Kind, string Ticket, string Title, TicketStatus Status, string CreatedBy,
    DateTimeOffset CreatedAt);

public sealed record LinkRequest(string? Kind, string? Ticket);

public sealed record MergeRequest(string? Into);

/// <summary>
/// Duplicates and related tickets, for staff: <c>/api/tickets/{number}/similar</c>, <c>/links</c>
/// and <c>/merge</c>. A link is stored once, from the ticket it was made on, and shown on both.
/// </summary>
public static class TicketLinksApi
{
    public static void MapTicketLinksApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization(Policies.Staff);
        tickets.MapGet("/{number}/similar", Similar);
        tickets.MapGet("/{number}/links", Links);
        tickets.MapPost("/{number}/links", Link);
        tickets.MapPost("/{number}/merge", Merge);
    }

    internal static async Task<Ok<SimilarTicketsResponse>> Similar(string number, HttpContext http, TicketWork work,
        RecurringDetection detection, SupportFlowDbContext db, OrganizationTime org, CancellationToken ct)
    {
        var ticket = await work.FindAsync(http.User.ToActor(), number, ct);
        var similar = await detection.FindSimilarAsync(ticket.ModuleId, ticket.Id, ticket.Title, ticket.Description, ticket.ReceivedAt, ct);
        var recurring = RecurringProblems.Recurring(similar, ticket.ReceivedAt, detection.Options).Count > 0;
        var review = await db.ReviewTickets
            .Where(l => l.TicketId == ticket.Id
                        && db.Reviews.Any(r => r.Id == l.ReviewId && r.Trigger == ReviewTrigger.RecurringProblem && r.Status == ReviewStatus.Open))
            .Select(l => (int?)l.ReviewId)
            .FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new SimilarTicketsResponse(
            [.. similar.Take(20).Select(s => new SimilarTicketResponse(s.Ticket.Number, s.Ticket.Title, s.Ticket.Status,
                org.Local(s.Ticket.ReceivedAt), Math.Round(s.Score, 3)))],
            recurring, review));
    }

    internal static async Task<Ok<TicketLinkResponse[]>> Links(string number, HttpContext http, TicketWork work, SupportFlowDbContext db,
        OrganizationTime org, CancellationToken ct)
    {
        var ticket = await work.FindAsync(http.User.ToActor(), number, ct);
        var outgoing = await db.Set<TicketLink>().Where(l => l.TicketId == ticket.Id)
            .Join(db.Tickets, l => l.LinkedTicketId, t => t.Id, (l, t) => new { l, t.Number, t.Title, t.Status })
            .ToListAsync(ct);
        var incoming = await db.Set<TicketLink>().Where(l => l.LinkedTicketId == ticket.Id)
            .Join(db.Tickets, l => l.TicketId, t => t.Id, (l, t) => new { l, t.Number, t.Title, t.Status })
            .ToListAsync(ct);
        var links = outgoing.Select(x => new TicketLinkResponse(WireNames.Of(x.l.Kind), x.Number, x.Title, x.Status, x.l.CreatedBy,
                org.Local(x.l.CreatedAt)))
            .Concat(incoming.Select(x => new TicketLinkResponse(Inverse(x.l.Kind), x.Number, x.Title, x.Status, x.l.CreatedBy,
                org.Local(x.l.CreatedAt))))
            .OrderBy(l => l.CreatedAt)
            .ToArray();
        return TypedResults.Ok(links);
    }

    internal static async Task<Created<TicketLinkResponse>> Link(string number, LinkRequest request, HttpContext http, TicketWork work,
        SupportFlowDbContext db, TimeProvider clock, OrganizationTime org, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var kind = errors.Enum<TicketLinkKind>("kind", request.Kind);
        var otherNumber = errors.Required("ticket", request.Ticket, 20);
        errors.ThrowIfInvalid();
        var actor = http.User.ToActor();
        var ticket = await work.FindAsync(actor, number, ct);
        var other = await db.Tickets.SingleOrDefaultAsync(t => t.Number == otherNumber, ct);
        if (other is null || other.Id == ticket.Id)
        {
            errors.Add("ticket", other is null
                ? new LocalizedMessage("Unknown ticket {0}.", otherNumber)
                : new LocalizedMessage("A ticket cannot be linked to itself."));
            errors.ThrowIfInvalid();
        }

        if (!TicketPermissions.Works(actor, ticket))
        {
            throw new ForbiddenException("Ticket {0} belongs to another team and is not assigned to you.", ticket.Number);
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
        return TypedResults.Created(ResourceUrl.For("/api/tickets", ticket.Number, "links"),
            new TicketLinkResponse(WireNames.Of(kind.Value), other.Number, other.Title, other.Status, actor.Login, org.Local(now)));
    }

    /// <summary>
    /// Merges the ticket (a duplicate) into <c>into</c>: it is cancelled as "Duplicate of ...", its
    /// history and reporter are carried over to the survivor's history, and a duplicateOf link is kept.
    /// </summary>
    internal static async Task<Ok<TicketResponse>> Merge(string number, MergeRequest request, HttpContext http, TicketWork work,
        SupportFlowDbContext db, SlaSettings sla, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var into = errors.Required("into", request.Into, 20);
        errors.ThrowIfInvalid();
        var actor = http.User.ToActor();
        var duplicate = await work.FindAsync(actor, number, ct);
        Ticket survivor;
        try
        {
            survivor = await work.FindAsync(actor, into, ct);
        }
        catch (NotFoundException)
        {
            throw new RequestValidationException("into", "Unknown ticket {0}.", into);
        }

        if (!TicketPermissions.Works(actor, duplicate) || !TicketPermissions.Works(actor, survivor))
        {
            throw new ForbiddenException("Merging needs a supervisor or someone who works both tickets.");
        }

        var history = await db.TicketHistory.AsNoTracking().Where(h => h.TicketId == duplicate.Id).OrderBy(h => h.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        duplicate.MergeInto(survivor, history, actor, now);
        db.Add(new TicketLink(duplicate.Id, survivor.Id, TicketLinkKind.DuplicateOf, actor.Login, now));
        await sla.ApplyAsync(duplicate, now, ct);
        await sla.ApplyAsync(survivor, now, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await work.ResponseAsync(actor, survivor, ct));
    }

    internal static string Inverse(TicketLinkKind kind) => kind switch
    {
        TicketLinkKind.DuplicateOf => "duplicatedBy",
        TicketLinkKind.Related => "related",
        TicketLinkKind.CausedBy => "causes",
    };
}
