using SupportFlow.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Web;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// The ticket API: intake, reading, and one POST per lifecycle action. The web pages' forms
/// call the same action handlers (internal), so both check and change tickets the same way.
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

    internal static async Task<Ok<TicketResponse>> Triage(string number, TriageRequest request, HttpContext http,
        TicketWork work, SlaSettings sla, CancellationToken ct)
    {
        var (priority, reason) = request.Parse();
        var policy = await sla.PolicyAsync(priority, ct);
        return await Act(http, work, number, TicketAction.Triage, (t, a, at) => t.Triage(a, at, priority, reason, policy), ct);
    }

    internal static async Task<Ok<TicketResponse>> Assign(string number, AssignRequest request, HttpContext http,
        TicketWork work, SupportFlowDbContext db, CancellationToken ct)
    {
        var (login, teamName, reason) = request.Parse();
        var errors = new RequestErrors();
        var assignee = await db.Users.Include(u => u.Teams).SingleOrDefaultAsync(u => u.Login == login, ct);
        if (assignee is null || !assignee.IsActive || assignee.Role < Role.Engineer)
        {
            errors.Add("assignee", assignee is null
                ? new LocalizedMessage("Unknown user '{0}'.", login)
                : new LocalizedMessage("{0} cannot own tickets: only active engineers and supervisors can.", login));
        }

        Team? team = null;
        if (teamName is not null)
        {
            team = await db.Teams.SingleOrDefaultAsync(t => t.Name == teamName, ct);
            if (team is null)
            {
                errors.Add("team", "Unknown team '{0}'.", teamName);
            }
            else if (assignee is not null && assignee.Teams.All(t => t.Id != team.Id))
            {
                errors.Add("assignee", "{0} is not a member of team '{1}'.", login, teamName);
            }
        }

        errors.ThrowIfInvalid();
        return await Act(http, work, number, TicketAction.Assign,
            (t, a, at) => t.Assign(a, at, assignee!, team ?? t.Team ?? t.Module.Team ?? SoleTeam(assignee!), reason), ct);
    }

    /// <summary>A ticket in the service desk queue has no team yet: the owner's team, when they have exactly one.</summary>
    private static Team SoleTeam(User assignee) => assignee.Teams.Count == 1
        ? assignee.Teams[0]
        : throw new RequestValidationException("team", "The ticket has no team yet and {0} is in {1} teams: name the team.",
            assignee.Login, assignee.Teams.Count);

    internal static Task<Ok<TicketResponse>> Start(string number, HttpContext http, TicketWork work, CancellationToken ct) =>
        Act(http, work, number, TicketAction.Start, (t, a, at) => t.Start(a, at), ct);

    internal static Task<Ok<TicketResponse>> Worklog(string number, WorklogRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var (text, method) = request.Parse();
        return Act(http, work, number, TicketAction.Worklog, (t, a, at) => t.LogWork(a, at, text, method), ct);
    }

    internal static Task<Ok<TicketResponse>> Update(string number, MessageRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var message = request.Parse();
        return Act(http, work, number, TicketAction.Update, (t, a, at) => t.PostUpdate(a, at, message), ct);
    }

    internal static Task<Ok<TicketResponse>> Comment(string number, MessageRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var message = request.Parse();
        return Act(http, work, number, TicketAction.Comment, (t, a, at) => t.Comment(a, at, message), ct);
    }

    internal static Task<Ok<TicketResponse>> Pend(string number, PendRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var (reason, note) = request.Parse();
        return Act(http, work, number, TicketAction.Pend, (t, a, at) => t.Pend(a, at, reason, note), ct);
    }

    internal static Task<Ok<TicketResponse>> Resume(string number, HttpContext http, TicketWork work, CancellationToken ct) =>
        Act(http, work, number, TicketAction.Resume, (t, a, at) => t.Resume(a, at), ct);

    internal static Task<Ok<TicketResponse>> Resolve(string number, ResolveRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var r = request.Parse();
        return Act(http, work, number, TicketAction.Resolve,
            (t, a, at) => t.Resolve(a, at, r.Solution, r.Cause, r.Workaround, r.Verification, r.Backup), ct);
    }

    internal static Task<Ok<TicketResponse>> Confirm(string number, ConfirmRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var (resolved, comment, rating) = request.Parse();
        return Act(http, work, number, TicketAction.Confirm, (t, a, at) => t.Confirm(a, at, resolved, comment, rating), ct);
    }

    internal static Task<Ok<TicketResponse>> Close(string number, CloseRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var (cause, solution) = request.Parse();
        return Act(http, work, number, TicketAction.Close, (t, a, at) => t.Close(a, at, cause, solution), ct);
    }

    internal static Task<Ok<TicketResponse>> Reopen(string number, ReasonRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var reason = request.Parse();
        return Act(http, work, number, TicketAction.Reopen, (t, a, at) => t.Reopen(a, at, reason), ct);
    }

    internal static Task<Ok<TicketResponse>> Cancel(string number, ReasonRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var reason = request.Parse();
        return Act(http, work, number, TicketAction.Cancel, (t, a, at) => t.Cancel(a, at, reason), ct);
    }

    private static async Task<Ok<TicketResponse>> Act(HttpContext http, TicketWork work, string number, TicketAction action, Action<Ticket, Actor, DateTimeOffset> change, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var ticket = await work.DoAsync(actor, number, action, (t, at) => change(t, actor, at), ct);
        return await Respond(actor, ticket, work, ct);
    }

    private static async Task<Ok<TicketResponse>> Respond(Actor actor, Ticket ticket, TicketWork work, CancellationToken ct) =>
        TypedResults.Ok(await work.ResponseAsync(actor, ticket, ct));
}
