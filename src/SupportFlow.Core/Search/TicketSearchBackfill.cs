using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;

namespace SupportFlow.Search;

/// <summary>
/// Indexes tickets that have no search document: those stored before search existed (or
/// written by a bulk loader). Runs after migrating; in batches, so memory stays flat. Two nodes
/// starting together may race for a batch: the loser's insert fails on the key and it stops.
/// </summary>
public static class TicketSearchBackfill
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(SupportFlowDbContext db, CancellationToken cancellationToken)
    {
        var indexed = 0;
        while (true)
        {
            var tickets = await db.Tickets.AsNoTracking()
                .Where(t => !db.TicketSearch.Any(d => d.TicketId == t.Id))
                .OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.Number, t.Title, t.Description })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (tickets.Count == 0)
            {
                return indexed;
            }

            var ids = tickets.Select(t => t.Id).ToList();
            var actions = TicketSearchDocument.SearchableActions.ToList();
            var notes = (await db.TicketHistory.AsNoTracking()
                    .Where(h => ids.Contains(h.TicketId) && h.Note != null && actions.Contains(h.Action))
                    .OrderBy(h => h.Id)
                    .Select(h => new { h.TicketId, Note = h.Note!, h.IsPublic })
                    .ToListAsync(cancellationToken))
                .ToLookup(h => h.TicketId);
            foreach (var t in tickets)
            {
                db.TicketSearch.Add(TicketSearchDocument.Rebuild(t.Id, t.Number, t.Title, t.Description,
                    notes[t.Id].Select(n => (n.Note, n.IsPublic))));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return indexed; // another node is indexing the same tickets
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            indexed += tickets.Count;
        }
    }
}
