using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// The ticket API: intake, reading, and one POST per lifecycle action. Each action is a method of
/// <see cref="TicketActions"/>, which the web pages' forms call too.
/// </summary>
public static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization();
        group.MapPost("/", Create).WithName("CreateTicket");
        group.MapGet("/", TicketList.Query).WithName("ListTickets");
        group.MapGet("/export", TicketExport.Export).WithName("ExportTickets");
        group.MapPost("/import", TicketImportApi.Import).RequireAuthorization(Policies.Supervisor).DisableAntiforgery();
        group.MapGet("/{number}", Get).WithName("GetTicket");
        group.MapGet("/{number}/history", History);
        group.MapPost("/{number}/triage", Triage);
        group.MapPost("/{number}/assign", Assign);
        group.MapPost("/{number}/start", Start);
        group.MapPost("/{number}/worklog", Worklog);
        group.MapPost("/{number}/update", Update);
        group.MapPost("/{number}/comment", Comment);
        group.MapPost("/{number}/pend", Pend);
        group.MapPost("/{number}/resume", Resume);
        group.MapPost("/{number}/resolve", Resolve);
        group.MapPost("/{number}/confirm", Confirm);
        group.MapPost("/{number}/close", Close);
        group.MapPost("/{number}/reopen", Reopen);
        group.MapPost("/{number}/cancel", Cancel);
        group.MapAttachmentsApi();
        group.MapCollaborationApi();
        return group;
    }

    private static async Task<Created<TicketResponse>> Create(CreateTicketRequest request, HttpContext http,
        TicketReception reception, TicketWork work, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var ticket = await reception.ReceiveAsync(actor, request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/tickets", ticket.Number), await work.ResponseAsync(actor, ticket, ct));
    }

    private static async Task<Ok<TicketResponse>> Get(string number, HttpContext http, TicketWork work, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        return await Respond(actor, await work.FindAsync(actor, number, ct), work, ct);
    }

    private static async Task<Ok<HistoryEntryResponse[]>> History(string number, HttpContext http, TicketWork work,
        SupportFlowDbContext db, OrganizationTime org, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var ticket = await work.FindAsync(actor, number, ct);
        var entries = await db.TicketHistory.AsNoTracking()
            .Where(e => e.TicketId == ticket.Id && (actor.IsStaff || e.IsPublic))
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
        return TypedResults.Ok(entries.Select(e => HistoryEntryResponse.From(e, org)).ToArray());
    }

    private static Task<Ok<TicketResponse>> Triage(string number, TriageRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.TriageAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Assign(string number, AssignRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.AssignAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Start(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act(http, work, actor => actions.StartAsync(actor, number, ct), ct);

    private static Task<Ok<TicketResponse>> Worklog(string number, WorklogRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.WorklogAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Update(string number, MessageRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.UpdateAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Comment(string number, MessageRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.CommentAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Pend(string number, PendRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.PendAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Resume(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act(http, work, actor => actions.ResumeAsync(actor, number, ct), ct);

    private static Task<Ok<TicketResponse>> Resolve(string number, ResolveRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.ResolveAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Confirm(string number, ConfirmRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.ConfirmAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Close(string number, CloseRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.CloseAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Reopen(string number, ReasonRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.ReopenAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Cancel(string number, ReasonRequest request, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        Act(http, work, actor => actions.CancelAsync(actor, number, request, ct), ct);

    /// <summary>Runs one action as the caller and answers the ticket as they may see it.</summary>
    internal static async Task<Ok<TicketResponse>> Act(HttpContext http, TicketWork work, Func<Actor, Task<Ticket>> action,
        CancellationToken ct)
    {
        var actor = http.User.ToActor();
        return await Respond(actor, await action(actor), work, ct);
    }

    private static async Task<Ok<TicketResponse>> Respond(Actor actor, Ticket ticket, TicketWork work, CancellationToken ct) =>
        TypedResults.Ok(await work.ResponseAsync(actor, ticket, ct));
}
