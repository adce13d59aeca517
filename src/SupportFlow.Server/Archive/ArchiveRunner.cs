using SupportFlow.Archive;
using SupportFlow.Common;

namespace SupportFlow.Server.Archive;

/// <summary>Claims a month, writes its archive, records it: the one path of both the scheduled job and <c>archive --month</c>.</summary>
public sealed class ArchiveRunner(
    MonthlyArchive archive, ArchiveClaims claims, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ArchiveRunner> log)
{
    /// <summary>
    /// Null when another run holds the month (or, for the job, it is already archived).
    /// <paramref name="takeOver"/> claims the month even from a live run, which then stops without recording.
    /// </summary>
    public async Task<ArchiveResult?> RunAsync(ArchiveMonth month, string by, bool again, IProgress<ArchiveProgress>? progress,
        CancellationToken ct, bool takeOver = false)
    {
        if (!await claims.TryClaimAsync(month, by, again, takeOver, ct))
        {
            return null;
        }

        var startedAt = clock.GetUtcNow();
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var done = new CancellationTokenSource();
        var renewing = RenewWhileRunningAsync(month, by, lost, done.Token);
        try
        {
            var result = await archive.WriteAsync(month, progress, lost.Token);
            // Renewing stops before the run is recorded: a renewal after it would claim the finished month again.
            await done.CancelAsync();
            await renewing;
            return await claims.FinishAsync(result, by, startedAt, ct) ? result : throw TakenOver(month);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw TakenOver(month);
        }
        catch
        {
            await claims.ReleaseAsync(month, by, CancellationToken.None);
            throw;
        }
        finally
        {
            // A failed or taken-over write stops renewing here too.
            await done.CancelAsync();
            await renewing;
        }
    }

    /// <summary>Why a manual run cannot go ahead now.</summary>
    public async Task<string> BusyMessageAsync(ArchiveMonth month, CancellationToken ct) =>
        await claims.FindAsync(month, ct) is { } run
            ? $"The archive of {month} is being written by {run.ClaimedBy} (claim until {run.ClaimedUntil:u}); try again later, "
              + "or take it over with --take-over if that run is gone."
            : throw new DomainException("The archive of {0} could not be claimed.", month);

    private static DomainException TakenOver(ArchiveMonth month) =>
        new("The archive of {0} was taken over by another run; this run stopped.", month);

    /// <summary>
    /// Renews the lease while the archive is written (in its own scope: the write uses this one's
    /// DbContext). A claim that was taken over cancels the write through <paramref name="lost"/>.
    /// </summary>
    private async Task RenewWhileRunningAsync(ArchiveMonth month, string by, CancellationTokenSource lost, CancellationToken done)
    {
        using var timer = new PeriodicTimer(ArchiveClaims.Renewal, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(done))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (!await scope.ServiceProvider.GetRequiredService<ArchiveClaims>().RenewAsync(month, by, done))
                    {
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A database hiccup: the lease still runs for a while, the next tick tries again.
                    log.LogWarning(e, "Renewing the archive claim of {Month} failed", month);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The write ended.
        }
    }
}
