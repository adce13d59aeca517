using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Tickets;

namespace SupportFlow.Data;

/// <summary>What one purge removed from the database.</summary>
public sealed record RemovedTickets(int Tickets, int HistoryLines, int Attachments, IReadOnlyList<string> AttachmentFiles);

/// <summary>
/// Deletes tickets with everything that hangs off them, for the retention purge only. Ticket
/// history is append-only: a trigger refuses every DELETE on it (SQLite and PostgreSQL alike).
/// The purge is the one deliberate exception, so it drops that trigger and creates it again
/// inside the caller's transaction. DDL is transactional on both databases: if anything fails, or
/// the process dies, the rollback (or SQLite's recovery of the uncommitted write, which is the
/// same thing) brings the trigger back with the rows, and no other connection ever sees the table
/// without it (SQLite: the write lock of the transaction; PostgreSQL: DROP TRIGGER's table lock).
/// </summary>
public static class TicketRemoval
{
    private const int Chunk = 500;

    /// <summary>The same text as the InitialSchema migration's trigger, per provider.</summary>
    private static readonly (string Drop, string Create) SqliteTrigger = (
        """DROP TRIGGER "TicketHistory_AppendOnly_Delete";""",
        """
        CREATE TRIGGER "TicketHistory_AppendOnly_Delete" BEFORE DELETE ON "TicketHistory"
        BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;
        """);

    private static readonly (string Drop, string Create) PostgresTrigger = (
        """DROP TRIGGER "TicketHistory_AppendOnly_Update" ON "TicketHistory";""",
        """
        CREATE TRIGGER "TicketHistory_AppendOnly_Update" BEFORE UPDATE OR DELETE ON "TicketHistory"
        FOR EACH ROW EXECUTE FUNCTION "TicketHistory_AppendOnly"();
        """);

    /// <summary>
    /// Must run inside a transaction the caller commits; nothing of the exception outlives it.
    /// <paramref name="stillRemovable"/> is checked again on each ticket as it is deleted: a ticket
    /// changed meanwhile makes the whole removal fail (the caller's transaction then rolls back).
    /// </summary>
    public static async Task<RemovedTickets> DeleteAsync(SupportFlowDbContext db, IReadOnlyList<long> ticketIds,
        Expression<Func<Ticket, bool>> stillRemovable, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Tickets are removed only inside a transaction.");
        }

        var trigger = db.Database.IsNpgsql() ? PostgresTrigger : SqliteTrigger;
        await db.Database.ExecuteSqlRawAsync(trigger.Drop, ct);

        int history = 0, attachments = 0, tickets = 0;
        var files = new List<string>();
        foreach (var chunk in ticketIds.Chunk(Chunk))
        {
            files.AddRange(await db.Attachments.Where(a => chunk.Contains(a.TicketId)).Select(a => a.StoredAs).ToListAsync(ct));
            history += await db.TicketHistory.Where(h => chunk.Contains(h.TicketId)).ExecuteDeleteAsync(ct);
            attachments += await db.Attachments.Where(a => chunk.Contains(a.TicketId)).ExecuteDeleteAsync(ct);
            await db.TicketSlaEvents.Where(e => chunk.Contains(e.TicketId)).ExecuteDeleteAsync(ct);
            await db.TicketEscalations.Where(e => chunk.Contains(e.TicketId)).ExecuteDeleteAsync(ct);
            await db.Set<TicketClockInterval>().Where(i => chunk.Contains(i.TicketId)).ExecuteDeleteAsync(ct);
            await db.TicketSearch.Where(d => chunk.Contains(d.TicketId)).ExecuteDeleteAsync(ct);
            // Deliveries are told in the archived history; the inbound record stays (it keeps a mail
            // from becoming a ticket twice) and keeps the ticket's number as text.
            await db.ReviewTickets.Where(r => chunk.Contains(r.TicketId)).ExecuteDeleteAsync(ct);
            await db.Outbox.Where(o => o.TicketId != null && chunk.Contains(o.TicketId.Value)).ExecuteDeleteAsync(ct);
            await db.InboundMessages.Where(m => m.TicketId != null && chunk.Contains(m.TicketId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.TicketId, (long?)null), ct);
            var deleted = await db.Tickets.Where(t => chunk.Contains(t.Id)).Where(stillRemovable).ExecuteDeleteAsync(ct);
            if (deleted != chunk.Length)
            {
                throw new Common.DomainException("Nothing purged: tickets changed while the purge ran; run it again.");
            }

            tickets += deleted;
        }

        await db.Database.ExecuteSqlRawAsync(trigger.Create, ct);
        return new RemovedTickets(tickets, history, attachments, files);
    }
}
