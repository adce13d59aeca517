using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// Loads a ticket the actor may see, checks the actor may do the action, applies the domain
/// method and saves. The API's action endpoints and the web UI's forms go through here.
/// </summary>
public sealed class TicketWork(SupportFlowDbContext db, TimeProvider clock)
{
    public async Task<Ticket> FindAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        var ticket = TicketNumber.IsWellFormed(number)
            ? await db.Tickets
                .Include(t => t.Module)
                .Include(t => t.Team)
                .Include(t => t.Assignee)
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
        change(ticket, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    public async Task<string?> ReporterLoginAsync(Ticket ticket, CancellationToken cancellationToken) =>
        ticket.Reporter.UserId is int id
            ? await db.Users.Where(u => u.Id == id).Select(u => u.Login).SingleOrDefaultAsync(cancellationToken)
            : null;
}
