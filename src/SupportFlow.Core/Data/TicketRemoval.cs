using Microsoft.EntityFrameworkCore;
using SupportFlow.Tickets;

namespace SupportFlow.Data;

/// <summary>What one purge removed from the database.</summary>
public sealed record RemovedTickets(int Tickets, int HistoryLines, int Attachments, IReadOnlyList<string> AttachmentFiles);

/// <summary>
/// Deletes tickets with everything that hangs off them, for the retention purge only. Ticket
/// history is append-only and on SQLite a trigger aborts every DELETE on it; the purge is the one
/// deliberate exception, so it drops that trigger and creates it again inside the caller's
/// transaction. SQLite's DDL is transactional: if anything fails, or the process dies, the
/// rollback brings the trigger back with the rows, and no other connection ever sees the table
/// without it (the write lock is held throughout).
/// </summary>
public static class TicketRemoval
{
    private const int Chunk = 500;

    /// <summary>Same text as the Initial migration's trigger.</summary>
    private const string HistoryDeleteTrigger = """
        CREATE TRIGGER "TicketHistory_AppendOnly_Delete" BEFORE DELETE ON "TicketHistory"
        BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;
        """;

    /// <summary>Must run inside a transaction the caller commits.</summary>
    public static async Task<RemovedTickets> DeleteAsync(SupportFlowDbContext db, IReadOnlyList<long> ticketIds, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Tickets are removed only inside a transaction.");
        }

        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "TicketHistory_AppendOnly_Delete";""", ct);
        }

        int history = 0, attachments = 0, tickets = 0;
        var files = new List<string>();
        foreach (var chunk in ticketIds.Chunk(Chunk))
        {
            files.AddRange(await db.Attachments.Where(a => chunk.Contains(a.TicketId)).Select(a => a.StoredAs).ToListAsync(ct));
            history += await db.TicketHistory.Where(h => chunk.Contains(h.TicketId)).ExecuteDeleteAsync(ct);
            attachments += await db.Attachments.Where(a => chunk.Contains(a.TicketId)).ExecuteDeleteAsync(ct);
            await db.TicketSlaEvents.Where(e => chunk.Contains(e.TicketId)).ExecuteDeleteAsync(ct);
            await db.Set<TicketClockInterval>().Where(i => chunk.Contains(i.TicketId)).ExecuteDeleteAsync(ct);
            await db.TicketSearch.Where(d => chunk.Contains(d.TicketId)).ExecuteDeleteAsync(ct);
            tickets += await db.Tickets.Where(t => chunk.Contains(t.Id)).ExecuteDeleteAsync(ct);
        }

        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync(HistoryDeleteTrigger, ct);
        }

        return new RemovedTickets(tickets, history, attachments, files);
    }
}
