using SupportFlow.Localization;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Sla;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// The writes a person makes on one ticket, one method each: the API's action endpoints and the
/// ticket page's forms both call these, so both parse, check and change a ticket the same way.
/// Each first checks the actor may act on the ticket (before its request is parsed or anything it
/// names is looked up: a refused caller learns nothing from the answer), then parses its request,
/// resolves what it names, and lets <see cref="TicketWork"/> load, check again, act and save.
/// </summary>
public sealed class TicketActions(TicketWork work, SupportFlowDbContext db, SlaSettings sla)
{
    public async Task<Ticket> TriageAsync(Actor actor, string number, TriageRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Triage, ct);
        var (priority, reason) = request.Parse();
        var policy = await sla.PolicyAsync(priority, ct);
        return await Act(actor, number, TicketAction.Triage, (t, at) => t.Triage(actor, at, priority, reason, policy), ct);
    }

    public async Task<Ticket> AssignAsync(Actor actor, string number, AssignRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Assign, ct);
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
        return await Act(actor, number, TicketAction.Assign,
            (t, at) => t.Assign(actor, at, assignee!, team ?? t.Team ?? t.Module.Team ?? SoleTeam(assignee!), reason), ct);
    }

    /// <summary>A ticket in the service desk queue has no team yet: the owner's team, when they have exactly one.</summary>
    private static Team SoleTeam(User assignee) => assignee.Teams.Count == 1
        ? assignee.Teams[0]
        : throw new RequestValidationException("team", "The ticket has no team yet and {0} is in {1} teams: name the team.",
            assignee.Login, assignee.Teams.Count);

    public Task<Ticket> StartAsync(Actor actor, string number, CancellationToken ct) =>
        Act(actor, number, TicketAction.Start, (t, at) => t.Start(actor, at), ct);

    public async Task<Ticket> WorklogAsync(Actor actor, string number, WorklogRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Worklog, ct);
        var (text, method) = request.Parse();
        return await Act(actor, number, TicketAction.Worklog, (t, at) => t.LogWork(actor, at, text, method), ct);
    }

    public async Task<Ticket> UpdateAsync(Actor actor, string number, MessageRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Update, ct);
        var message = request.Parse();
        return await Act(actor, number, TicketAction.Update, (t, at) => t.PostUpdate(actor, at, message), ct);
    }

    public async Task<Ticket> CommentAsync(Actor actor, string number, MessageRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Comment, ct);
        var message = request.Parse();
        return await Act(actor, number, TicketAction.Comment, (t, at) => t.Comment(actor, at, message), ct);
    }

    public async Task<Ticket> PendAsync(Actor actor, string number, PendRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Pend, ct);
        var (reason, note) = request.Parse();
        return await Act(actor, number, TicketAction.Pend, (t, at) => t.Pend(actor, at, reason, note), ct);
    }

    public Task<Ticket> ResumeAsync(Actor actor, string number, CancellationToken ct) =>
        Act(actor, number, TicketAction.Resume, (t, at) => t.Resume(actor, at), ct);

    public async Task<Ticket> ResolveAsync(Actor actor, string number, ResolveRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Resolve, ct);
        var r = request.Parse();
        return await Act(actor, number, TicketAction.Resolve,
            (t, at) => t.Resolve(actor, at, r.Solution, r.Cause, r.Workaround, r.Verification, r.Backup), ct);
    }

    public async Task<Ticket> ConfirmAsync(Actor actor, string number, ConfirmRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Confirm, ct);
        var (resolved, comment, rating) = request.Parse();
        return await Act(actor, number, TicketAction.Confirm, (t, at) => t.Confirm(actor, at, resolved, comment, rating), ct);
    }

    public async Task<Ticket> CloseAsync(Actor actor, string number, CloseRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Close, ct);
        var (cause, solution) = request.Parse();
        return await Act(actor, number, TicketAction.Close, (t, at) => t.Close(actor, at, cause, solution), ct);
    }

    public async Task<Ticket> ReopenAsync(Actor actor, string number, ReasonRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Reopen, ct);
        var reason = request.Parse();
        return await Act(actor, number, TicketAction.Reopen, (t, at) => t.Reopen(actor, at, reason), ct);
    }

    public async Task<Ticket> CancelAsync(Actor actor, string number, ReasonRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, TicketAction.Cancel, ct);
        var reason = request.Parse();
        return await Act(actor, number, TicketAction.Cancel, (t, at) => t.Cancel(actor, at, reason), ct);
    }

    /// <summary>A supervisor names the responsible department or adds a collaborating one.</summary>
    public async Task<Ticket> AddDepartmentAsync(Actor actor, string number, TicketDepartmentRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, t => TicketPermissions.EnsureCoordinates(actor, t), ct);
        var (name, responsible, reason) = request.Parse();
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Name == name, ct)
            ?? throw new RequestValidationException("department", "Unknown department '{0}'.", name);
        return await work.DoAsync(actor, number, t => TicketPermissions.EnsureCoordinates(actor, t), (t, at) =>
        {
            if (responsible)
            {
                t.MakeResponsible(actor, at, department, reason);
            }
            else
            {
                t.AddCollaborator(actor, at, department, reason);
            }
        }, ct);
    }

    public async Task<Ticket> RemoveDepartmentAsync(Actor actor, string number, string department, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, t => TicketPermissions.EnsureCoordinates(actor, t), ct);
        var found = await db.Departments.SingleOrDefaultAsync(d => d.Name == department, ct)
            ?? throw new NotFoundException("Department '{0}' was not found.", department);
        return await work.DoAsync(actor, number, t => TicketPermissions.EnsureCoordinates(actor, t),
            (t, at) => t.RemoveDepartment(actor, at, found, null), ct);
    }

    /// <summary>Whoever works the ticket involves a vendor contact, told by e-mail through the outbox.</summary>
    public async Task<Ticket> InvolveVendorAsync(Actor actor, string number, VendorContactRequest request, CancellationToken ct)
    {
        await work.EnsureAsync(actor, number, t => TicketPermissions.EnsureInvolvesVendors(actor, t), ct);
        var (contact, note) = request.Parse();
        return await work.DoAsync(actor, number, t => TicketPermissions.EnsureInvolvesVendors(actor, t),
            (t, at) => t.InvolveVendor(actor, at, contact, note), ct);
    }

    public Task<Ticket> RemoveVendorAsync(Actor actor, string number, long id, CancellationToken ct) =>
        work.DoAsync(actor, number, t => TicketPermissions.EnsureInvolvesVendors(actor, t), (t, at) => t.RemoveVendor(actor, at, id), ct);

    private Task<Ticket> Act(Actor actor, string number, TicketAction action, Action<Ticket, DateTimeOffset> change, CancellationToken ct) =>
        work.DoAsync(actor, number, action, change, ct);
}
