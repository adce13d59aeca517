using Microsoft.EntityFrameworkCore;
using SupportFlow.Archive;
using SupportFlow.Data;

namespace SupportFlow.Server.Archive;

/// <summary>
/// Who may archive a month right now: a row per month (the month is its unique key) with a claim
/// that lapses. Claiming is one conditional UPDATE, so of several nodes (or a node and the CLI)
/// exactly one wins. The claim is a short <see cref="Lease"/> that the running archive renews every
/// <see cref="Renewal"/>: a run that was killed blocks the month only until its lease lapses, and an
/// admin can take a live claim over (<c>archive --take-over</c>). The archive itself is idempotent
/// and swapped in atomically, so even a second run is harmless.
/// </summary>
public sealed class ArchiveClaims(SupportFlowDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);

    public static string ThisProcess(string role) =>
        $"{role}@{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// Claims the month for <paramref name="by"/>; false when someone else holds a live claim (unless
    /// <paramref name="takeOver"/>) or (unless <paramref name="again"/>) the month is finished.
    /// </summary>
    public async Task<bool> TryClaimAsync(ArchiveMonth month, string by, bool again, bool takeOver, CancellationToken ct)
    {
        var key = month.ToString();
        var now = clock.GetUtcNow();
        if (!await db.ArchiveRuns.AnyAsync(r => r.Month == key, ct))
        {
            try
            {
                db.ArchiveRuns.Add(new ArchiveRun(key, now));
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node created the row first: the claim below decides.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        var until = now + Lease;
        var claimed = await db.ArchiveRuns
            .Where(r => r.Month == key && (takeOver || r.ClaimedUntil <= now) && (again || r.FinishedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, by).SetProperty(r => r.ClaimedUntil, until), ct);
        return claimed == 1;
    }

    /// <summary>Extends a live run's lease; false when the claim is no longer <paramref name="by"/>'s (taken over).</summary>
    public async Task<bool> RenewAsync(ArchiveMonth month, string by, CancellationToken ct)
    {
        var key = month.ToString();
        var until = clock.GetUtcNow() + Lease;
        return await db.ArchiveRuns.Where(r => r.Month == key && r.ClaimedBy == by)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, until), ct) == 1;
    }

    /// <summary>
    /// Records the archive written and lets the claim go. Only a month that has ended is marked
    /// finished: an earlier (provisional) archive is recorded but left for the scheduled job to
    /// write again after month end. False when the claim was taken over meanwhile.
    /// </summary>
    public async Task<bool> FinishAsync(ArchiveResult result, string by, DateTimeOffset startedAt, CancellationToken ct)
    {
        var key = result.Month.ToString();
        var now = clock.GetUtcNow();
        DateTimeOffset? finishedAt = result.Provisional ? null : now;
        return await db.ArchiveRuns.Where(r => r.Month == key && r.ClaimedBy == by).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ClaimedUntil, now)
            .SetProperty(r => r.StartedAt, startedAt)
            .SetProperty(r => r.FinishedAt, finishedAt)
            .SetProperty(r => r.Tickets, result.Manifest.Tickets)
            .SetProperty(r => r.ManifestSha256, result.ManifestSha256), ct) == 1;
    }

    /// <summary>A failed run lets its claim go at once, so the next try need not wait for the lease.</summary>
    public async Task ReleaseAsync(ArchiveMonth month, string by, CancellationToken ct)
    {
        var key = month.ToString();
        var now = clock.GetUtcNow();
        await db.ArchiveRuns.Where(r => r.Month == key && r.ClaimedBy == by)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, now), ct);
    }

    public Task<ArchiveRun?> FindAsync(ArchiveMonth month, CancellationToken ct)
    {
        var key = month.ToString();
        return db.ArchiveRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Month == key, ct);
    }
}
