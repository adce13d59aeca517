using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Tickets;

namespace SupportFlow.Search;

/// <summary>
/// Keeps <see cref="TicketSearchDocument"/>s in step with tickets inside the same
/// SaveChanges, hence the same transaction: a new ticket gets its document, and every new
/// work note, public update or comment is appended to its ticket's document. Called by the
/// DbContext just before it saves; the database's triggers or generated columns do the rest.
/// </summary>
internal static class TicketSearchIndexing
{
    public static void Apply(SupportFlowDbContext db)
    {
        foreach (var (ticket, isNew, lines) in Changes(db))
        {
            var document = isNew ? NewDocument(db, ticket) : db.TicketSearch.Find(ticket.Id);
            AddLines(document, lines);
        }
    }

    public static async Task ApplyAsync(SupportFlowDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (ticket, isNew, lines) in Changes(db))
        {
            var document = isNew ? NewDocument(db, ticket) : await db.TicketSearch.FindAsync([ticket.Id], cancellationToken);
            AddLines(document, lines);
        }
    }

    private static List<(Ticket Ticket, bool IsNew, List<TicketHistoryEntry> Lines)> Changes(SupportFlowDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var changes = new List<(Ticket, bool, List<TicketHistoryEntry>)>();
        foreach (var entry in db.ChangeTracker.Entries<Ticket>())
        {
            var isNew = entry.State == EntityState.Added;
            var lines = entry.Entity.History
                .Where(line => TicketSearchDocument.IsSearchable(line) && db.Entry(line).State == EntityState.Added)
                .ToList();
            if (isNew || lines.Count > 0)
            {
                changes.Add((entry.Entity, isNew, lines));
            }
        }

        return changes;
    }

    private static TicketSearchDocument NewDocument(SupportFlowDbContext db, Ticket ticket)
    {
        var document = TicketSearchDocument.For(ticket);
        db.TicketSearch.Add(document);
        return document;
    }

    /// <summary>No document yet means the ticket predates search and awaits the backfill, which reads every line.</summary>
    private static void AddLines(TicketSearchDocument? document, List<TicketHistoryEntry> lines)
    {
        foreach (var line in lines)
        {
            document?.Add(line.Note!, line.IsPublic);
        }
    }
}
