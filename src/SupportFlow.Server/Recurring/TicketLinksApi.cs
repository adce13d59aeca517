using Microsoft.AspNetCore.Http.HttpResults;
using SupportFlow.Server.Auth;
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
        tickets.MapPost("/{number}/links", Link).Accepts<LinkRequest>(JsonBody.ContentType);
        tickets.MapPost("/{number}/merge", Merge).Accepts<MergeRequest>(JsonBody.ContentType);
    }

    private static async Task<Ok<SimilarTicketsResponse>> Similar(string number, HttpContext http, TicketWork work, TicketLinks links,
        CancellationToken ct) =>
        TypedResults.Ok(await links.SimilarAsync(await work.FindAsync(http.User.ToActor(), number, ct), ct));

    private static async Task<Ok<TicketLinkResponse[]>> Links(string number, HttpContext http, TicketWork work, TicketLinks links,
        CancellationToken ct) =>
        TypedResults.Ok(await links.ListAsync(await work.FindAsync(http.User.ToActor(), number, ct), ct));

    private static async Task<Created<TicketLinkResponse>> Link(string number, HttpContext http, TicketWork work, TicketLinks links,
        CancellationToken ct)
    {
        var actor = http.User.ToActor();
        await work.EnsureAsync(actor, number, ticket => TicketLinks.EnsureWorks(actor, ticket), ct);
        var link = await links.LinkAsync(actor, number, await JsonBody.ReadAsync<LinkRequest>(http.Request, ct), ct);
        return TypedResults.Created(ResourceUrl.For("/api/tickets", number, "links"), link);
    }

    private static Task<Ok<TicketResponse>> Merge(string number, HttpContext http, TicketLinks links, TicketWork work,
        CancellationToken ct) =>
        TicketsApi.Act<MergeRequest>(http, work, number, TicketLinks.EnsureMerges,
            (actor, request) => links.MergeAsync(actor, number, request, ct), ct);
}
