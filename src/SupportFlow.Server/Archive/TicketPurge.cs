using System.Globalization;
using System.Linq.Expressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Archive;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reviews;
using SupportFlow.Server.Tickets;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Archive;

/// <summary>What a purge did (or, dry, would do).</summary>
public sealed record PurgeResult(bool DryRun, PurgeRecord Record);

/// <summary>
/// <c>purge --before YYYY-MM</c> (and <c>POST /api/archive/purges</c>): removes closed and
/// cancelled tickets received before that month whose closing is older than the retention period,
/// with their history, attachments and SLA records. Tickets an open post-incident review refers to
/// are kept; a done review loses the link to a purged ticket (the archive still has the ticket). Refused as a whole, changing nothing, when the month is younger than the retention period
/// or when any month concerned lacks an archive that verifies and holds those tickets as they are
/// now. The purge is recorded in <c>PurgeRecords</c> in the same transaction as the removal.
/// </summary>
public sealed class TicketPurge(
    SupportFlowDbContext db, MonthlyArchive archive, OrganizationTime org, TimeProvider clock, IOptions<SupportFlowOptions> options)
{
    public async Task<PurgeResult> PurgeAsync(ArchiveMonth before, string by, bool dryRun, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var retention = options.Value.Archive.RetentionMonths;
        if (RetentionRule.Refusal(before, now, org.Zone, retention) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        var (receivedBefore, finishedBy) = (before.Start(org.Zone), now.AddMonths(-RetentionRule.Months(retention)));
        var candidates = await Candidates(Removable(receivedBefore, finishedBy, now), ct);
        var months = candidates.GroupBy(t => ArchiveMonth.Of(t.ReceivedAt, org.Zone)).ToList();
        foreach (var month in months)
        {
            CheckArchived(month.Key, month.ToList());
        }

        var monthList = string.Join(",", months.Select(m => m.Key.ToString()));
        if (dryRun || candidates.Count == 0)
        {
            return new PurgeResult(dryRun, new PurgeRecord(now, by, before.ToString(), monthList, candidates.Count, 0, 0,
                candidates.FirstOrDefault()?.Number, candidates.LastOrDefault()?.Number));
        }

        RemovedTickets removed;
        PurgeRecord record;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Checked again under the transaction (SQLite: the write lock), so what goes is what was checked.
            var removable = Removable(receivedBefore, finishedBy, candidates.Max(t => t.UpdatedAt));
            var again = await Candidates(removable, ct);
            if (!again.Select(t => t.Id).SequenceEqual(candidates.Select(t => t.Id)))
            {
                throw new DomainException("Nothing purged: tickets changed while the archives were checked; run the purge again.");
            }

            removed = await TicketRemoval.DeleteAsync(db, [.. candidates.Select(t => t.Id)], removable, ct);
            record = new PurgeRecord(now, by, before.ToString(), monthList, removed.Tickets, removed.HistoryLines,
                removed.Attachments, candidates[0].Number, candidates[^1].Number);
            db.PurgeRecords.Add(record);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // The files go after the commit: a crash before leaves orphan files, never rows without their file.
        var root = AttachmentStorage.Root(options.Value);
        foreach (var file in removed.AttachmentFiles)
        {
            File.Delete(Path.Combine(root, file));
        }

        return new PurgeResult(false, record);
    }

    private sealed record Candidate(long Id, string Number, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt);

    /// <summary>Finished long enough ago, and (under the transaction) not changed since the archives were checked.</summary>
    private static Expression<Func<Ticket, bool>> Removable(DateTimeOffset receivedBefore, DateTimeOffset finishedBy, DateTimeOffset updatedBy) =>
        t => t.ReceivedAt < receivedBefore && t.UpdatedAt <= updatedBy
             && ((t.Status == TicketStatus.Closed && t.ClosedAt <= finishedBy)
                 || (t.Status == TicketStatus.Cancelled && t.CancelledAt <= finishedBy));

    private Task<List<Candidate>> Candidates(Expression<Func<Ticket, bool>> removable, CancellationToken ct) =>
        db.Tickets.AsNoTracking().Where(removable)
            .Where(t => !db.ReviewTickets.Any(r => r.TicketId == t.Id
                                                   && db.Reviews.Any(v => v.Id == r.ReviewId && v.Status == ReviewStatus.Open)))
            .OrderBy(t => t.ReceivedAt).ThenBy(t => t.Id)
            .Select(t => new Candidate(t.Id, t.Number, t.ReceivedAt, t.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>The month's archive must verify and hold every ticket to purge as it is now (archived after its last change).</summary>
    private void CheckArchived(ArchiveMonth month, List<Candidate> tickets)
    {
        var problems = archive.Folders.Verify(month, out var manifest);
        if (problems.Count > 0)
        {
            throw new DomainException("Nothing purged: the archive of {0} does not verify ({1}). Run 'archive --month {0}' first.",
                month, string.Join("; ", problems));
        }

        var archived = ArchivedNumbers(archive.Folders.Final(month));
        var stale = tickets.Where(t => !archived.Contains(t.Number) || t.UpdatedAt > manifest!.GeneratedAt)
            .Select(t => t.Number).ToList();
        if (stale.Count > 0)
        {
            throw new DomainException("Nothing purged: the archive of {0} is older than tickets {1}. Run 'archive --month {0}' again first.",
                month, string.Join(", ", stale.Take(5)));
        }
    }

    private static HashSet<string> ArchivedNumbers(string folder)
    {
        using var reader = new StreamReader(Path.Combine(folder, MonthlyArchive.Csv));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        csv.Read(); // the header
        while (csv.Read())
        {
            numbers.Add(csv.GetField(0)!);
        }

        return numbers;
    }
}
