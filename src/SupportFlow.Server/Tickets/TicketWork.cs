using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Sla;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// Loads a ticket the actor may see, checks the actor may do the action, applies the domain
/// method and saves. The API's action endpoints and the web UI's forms go through here.
/// </summary>
public sealed class TicketWork(SupportFlowDbContext db, TimeProvider clock, SlaSettings sla, OrganizationTime org)
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
                .AsSplitQuery()
                .SingleOrDefaultAsync(t => t.Number == number, cancellationToken)
            : null;
        return ticket is not null && TicketPermissions.CanSee(actor, ticket)
            ? ticket
            : throw new NotFoundException($"Ticket {number} was not found.");
    }

    public async Task<Ticket> DoAsync(Actor actor, string number, TicketAction action,
        Action<Ticket, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var ticket = await FindAsync(actor, number, cancellationToken);
        TicketPermissions.Ensure(actor, ticket, action);
        var now = clock.GetUtcNow();
        change(ticket, now);
        await sla.ApplyAsync(ticket, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    /// <summary>The ticket as the actor may see it, with its live SLA clocks.</summary>
    public async Task<TicketResponse> ResponseAsync(Actor actor, Ticket ticket, CancellationToken cancellationToken)
    {
        var reporterLogin = ticket.Reporter.UserId is int id
            ? await db.Users.Where(u => u.Id == id).Select(u => u.Login).SingleOrDefaultAsync(cancellationToken)
            : null;
        var status = ticket.SlaAt(await sla.CalendarAsync(cancellationToken), clock.GetUtcNow());
        return TicketResponse.From(ticket, reporterLogin, org, actor.IsStaff, status);
    }
}
