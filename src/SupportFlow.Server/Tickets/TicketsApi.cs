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
        group.MapPost("/{number}/triage", Triage).Accepts<TriageRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/assign", Assign).Accepts<AssignRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/start", Start);
        group.MapPost("/{number}/worklog", Worklog).Accepts<WorklogRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/update", Update).Accepts<MessageRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/comment", Comment).Accepts<MessageRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/pend", Pend).Accepts<PendRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/resume", Resume);
        group.MapPost("/{number}/resolve", Resolve).Accepts<ResolveRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/confirm", Confirm).Accepts<ConfirmRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/close", Close).Accepts<CloseRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/reopen", Reopen).Accepts<ReasonRequest>(JsonBody.ContentType);
        group.MapPost("/{number}/cancel", Cancel).Accepts<ReasonRequest>(JsonBody.ContentType);
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

    private static Task<Ok<TicketResponse>> Triage(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<TriageRequest>(http, work, number, TicketAction.Triage, (actor, request) => actions.TriageAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Assign(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<AssignRequest>(http, work, number, TicketAction.Assign, (actor, request) => actions.AssignAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Start(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act(http, work, actor => actions.StartAsync(actor, number, ct), ct);

    private static Task<Ok<TicketResponse>> Worklog(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<WorklogRequest>(http, work, number, TicketAction.Worklog, (actor, request) => actions.WorklogAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Update(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<MessageRequest>(http, work, number, TicketAction.Update, (actor, request) => actions.UpdateAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Comment(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<MessageRequest>(http, work, number, TicketAction.Comment, (actor, request) => actions.CommentAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Pend(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<PendRequest>(http, work, number, TicketAction.Pend, (actor, request) => actions.PendAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Resume(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act(http, work, actor => actions.ResumeAsync(actor, number, ct), ct);

    private static Task<Ok<TicketResponse>> Resolve(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<ResolveRequest>(http, work, number, TicketAction.Resolve, (actor, request) => actions.ResolveAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Confirm(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<ConfirmRequest>(http, work, number, TicketAction.Confirm, (actor, request) => actions.ConfirmAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Close(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<CloseRequest>(http, work, number, TicketAction.Close, (actor, request) => actions.CloseAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Reopen(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<ReasonRequest>(http, work, number, TicketAction.Reopen, (actor, request) => actions.ReopenAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> Cancel(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        Act<ReasonRequest>(http, work, number, TicketAction.Cancel, (actor, request) => actions.CancelAsync(actor, number, request, ct), ct);

    /// <summary>
    /// Runs one action that takes a JSON body, permission first: the ticket is found and the
    /// caller's right to <paramref name="action"/> it checked before the body is read, so a caller
    /// who may not act gets the same refusal whatever they sent (an unknown login, a team, a
    /// malformed body): the answers reveal nothing about the directory.
    /// </summary>
    internal static Task<Ok<TicketResponse>> Act<TRequest>(HttpContext http, TicketWork work, string number, TicketAction action,
        Func<Actor, TRequest, Task<Ticket>> act, CancellationToken ct) =>
        Act(http, work, number, (actor, ticket) => TicketPermissions.Ensure(actor, ticket, action), act, ct);

    /// <summary>As above, for a change outside the lifecycle table: <paramref name="ensure"/> throws when the actor may not make it.</summary>
    internal static async Task<Ok<TicketResponse>> Act<TRequest>(HttpContext http, TicketWork work, string number,
        Action<Actor, Ticket> ensure, Func<Actor, TRequest, Task<Ticket>> act, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        await work.EnsureAsync(actor, number, ticket => ensure(actor, ticket), ct);
        var request = await JsonBody.ReadAsync<TRequest>(http.Request, ct);
        return await Respond(actor, await act(actor, request), work, ct);
    }

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
