using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Notifications;
using SupportFlow.Server.Reviews;
using SupportFlow.Routing;
using SupportFlow.Server.Sla;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// Loads a ticket the actor may see, checks the actor may do the action, applies the domain
/// method and saves. The API's action endpoints and the web UI's forms go through here.
/// </summary>
public sealed class TicketWork(SupportFlowDbContext db, TimeProvider clock, SlaSettings sla, OrganizationTime org,
    TicketNotices notices, ReviewOpening reviews)
{
    public async Task<Ticket> FindAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        var ticket = TicketNumber.IsWellFormed(number)
            ? await db.Tickets
                .Include(t => t.Module)
                .Include(t => t.Team)
                .Include(t => t.Assignee)
                .Include(t => t.ClockIntervals)
                .Include(t => t.SlaEvents)
                .Include(t => t.Departments).ThenInclude(d => d.Department)
                .Include(t => t.VendorContacts)
                .AsSplitQuery()
                .SingleOrDefaultAsync(t => t.Number == number, cancellationToken)
            : null;
        return ticket is not null && TicketPermissions.CanSee(actor, ticket)
            ? ticket
            : throw new NotFoundException("Ticket {0} was not found.", number);
    }

    /// <summary>
    /// Checks the actor may see the ticket and make a change (<paramref name="ensure"/> throws
    /// when not) before anything the change names is looked up or its body read: a refused caller
    /// gets the same answer whatever they asked for. Reads only what the permission rules need.
    /// </summary>
    public async Task EnsureAsync(Actor actor, string number, Action<Ticket> ensure, CancellationToken cancellationToken)
    {
        var ticket = TicketNumber.IsWellFormed(number)
            ? await db.Tickets.AsNoTracking().Include(t => t.Departments)
                .SingleOrDefaultAsync(t => t.Number == number, cancellationToken)
            : null;
        if (ticket is null || !TicketPermissions.CanSee(actor, ticket))
        {
            throw new NotFoundException("Ticket {0} was not found.", number);
        }

        ensure(ticket);
    }

    /// <inheritdoc cref="EnsureAsync(Actor, string, Action{Ticket}, CancellationToken)"/>
    public Task EnsureAsync(Actor actor, string number, TicketAction action, CancellationToken cancellationToken) =>
        EnsureAsync(actor, number, t => TicketPermissions.Ensure(actor, t, action), cancellationToken);

    /// <summary>
    /// An action is an intent ("assign to X"), not an edit of a stale copy: when the save loses a
    /// race (another user, or the SLA sweep recording an event on another node), it is applied
    /// again to the fresh ticket, whose status and permissions are checked again.
    /// </summary>
    public Task<Ticket> DoAsync(Actor actor, string number, TicketAction action,
        Action<Ticket, DateTimeOffset> change, CancellationToken cancellationToken) =>
        DoAsync(actor, number, t => TicketPermissions.Ensure(actor, t, action), change, cancellationToken);

    /// <summary>A change outside the lifecycle table (departments, vendors): <paramref name="ensure"/> checks the actor may make it.</summary>
    public async Task<Ticket> DoAsync(Actor actor, string number, Action<Ticket> ensure,
        Action<Ticket, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await FindAsync(actor, number, cancellationToken);
            ensure(ticket);
            var now = clock.GetUtcNow();
            var wasClosed = ticket.Status == TicketStatus.Closed;
            change(ticket, now);
            if (!wasClosed && ticket.Status == TicketStatus.Closed)
            {
                await reviews.OnTicketClosedAsync(ticket, actor, now, cancellationToken);
            }

            await sla.ApplyAsync(ticket, now, cancellationToken);
            await notices.AddAsync(ticket, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return ticket;
            }
            catch (DbUpdateException e) when (attempt < 3 && DatabaseProviders.IsLostRace(e))
            {
                ForgetAttempt();
            }
        }
    }

    /// <summary>
    /// After a lost race, forgets the ticket and everything the attempt touched, so the next attempt
    /// reads them afresh. The directory (users, teams, modules, departments and team membership)
    /// stays tracked: the change closes over an assignee or team resolved before the first attempt,
    /// and attaching that instance beside a freshly loaded copy of the same row would throw.
    /// </summary>
    private void ForgetAttempt()
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            var directory = entry.Entity is User or Team or Module or Department || entry.Metadata.Name == "TeamMembers";
            if (entry.State != EntityState.Unchanged || !directory)
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>The ticket as the actor may see it, with its live SLA clocks.</summary>
    public async Task<TicketResponse> ResponseAsync(Actor actor, Ticket ticket, CancellationToken cancellationToken) =>
        (await ResponsesAsync(actor, [ticket], cancellationToken))[0];

    /// <summary>Several tickets (loaded with module, team, assignee and clock intervals) in one reporter lookup.</summary>
    public async Task<List<TicketResponse>> ResponsesAsync(Actor actor, IReadOnlyList<Ticket> tickets,
        CancellationToken cancellationToken)
    {
        var ids = tickets.Select(t => t.Reporter.UserId).OfType<int>().Distinct().ToList();
        var logins = ids.Count == 0
            ? []
            : await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Login, cancellationToken);
        var calendar = await sla.CalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. tickets.Select(t => TicketResponse.From(t, t.Reporter.UserId is int id ? logins.GetValueOrDefault(id) : null,
            org, actor.IsStaff, t.SlaAt(calendar, now)))];
    }
}
