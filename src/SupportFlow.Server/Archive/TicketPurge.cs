using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Archive;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Tickets;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Archive;

/// <summary>What a purge did (or, dry, would do).</summary>
public sealed record PurgeResult(bool DryRun, PurgeRecord Record);

/// <summary>
/// <c>purge --before YYYY-MM</c>: removes closed (and cancelled) tickets received before that month
/// whose closing is older than the retention period, with their history, attachments and SLA
/// records. Refused as a whole, changing nothing, when the month is younger than the retention
/// period or when any month concerned lacks an archive that verifies and holds those tickets as
/// they are now. The purge is recorded in <c>PurgeRecords</c>, in the same transaction.
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

        var end = before.Start(org.Zone);
        var finishedBy = now.AddMonths(-RetentionRule.Months(retention));
        var candidates = await db.Tickets.AsNoTracking()
            .Where(t => t.ReceivedAt < end
                        && ((t.Status == TicketStatus.Closed && t.ClosedAt <= finishedBy)
                            || (t.Status == TicketStatus.Cancelled && t.CancelledAt <= finishedBy)))
            .OrderBy(t => t.ReceivedAt).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Number, t.ReceivedAt, t.UpdatedAt })
            .ToListAsync(ct);
        var months = candidates.GroupBy(t => ArchiveMonth.Of(t.ReceivedAt, org.Zone)).ToList();
        foreach (var month in months)
        {
            var problems = archive.Folders.Verify(month.Key, out var manifest);
            if (problems.Count > 0)
            {
                throw new DomainException($"Nothing purged: the archive of {month.Key} does not verify ({string.Join("; ", problems)}). "
                                          + $"Run 'archive --month {month.Key}' first.");
            }

            var archived = ArchivedNumbers(archive.Folders.Final(month.Key));
            var missing = month.Where(t => !archived.Contains(t.Number)).Select(t => t.Number).ToList();
            var changed = month.Where(t => t.UpdatedAt > manifest!.GeneratedAt).Select(t => t.Number).ToList();
            if (missing.Count > 0 || changed.Count > 0)
            {
                throw new DomainException($"Nothing purged: the archive of {month.Key} is older than tickets "
                                          + $"{string.Join(", ", missing.Concat(changed).Distinct().Take(5))}. Run 'archive --month {month.Key}' again first.");
            }
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
            removed = await TicketRemoval.DeleteAsync(db, [.. candidates.Select(t => t.Id)], ct);
            record = new PurgeRecord(now, by, before.ToString(), monthList, removed.Tickets, removed.HistoryLines,
                removed.Attachments, candidates[0].Number, candidates[^1].Number);
            db.PurgeRecords.Add(record);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // The files go after the commit: a crash before leaves orphan files, never rows without their file.
        var root = AttachmentsApi.AttachmentsRoot(options.Value);
        foreach (var file in removed.AttachmentFiles)
        {
            File.Delete(Path.Combine(root, file));
        }

        return new PurgeResult(false, record);
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
