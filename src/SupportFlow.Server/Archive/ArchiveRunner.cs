using SupportFlow.Archive;
using SupportFlow.Common;

namespace SupportFlow.Server.Archive;

/// <summary>Claims a month, writes its archive, records it: the one path of both the scheduled job and <c>archive --month</c>.</summary>
public sealed class ArchiveRunner(MonthlyArchive archive, ArchiveClaims claims, TimeProvider clock)
{
    /// <summary>Null when another run holds the month (or, for the job, it is already archived).</summary>
    public async Task<ArchiveResult?> RunAsync(ArchiveMonth month, string by, bool again, IProgress<ArchiveProgress>? progress,
        CancellationToken ct)
    {
        if (!await claims.TryClaimAsync(month, by, again, ct))
        {
            return null;
        }

        var startedAt = clock.GetUtcNow();
        try
        {
            var result = await archive.WriteAsync(month, progress, ct);
            await claims.FinishAsync(result, by, startedAt, ct);
            return result;
        }
        catch
        {
            await claims.ReleaseAsync(month, by, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Why a manual run cannot go ahead now.</summary>
    public async Task<string> BusyMessageAsync(ArchiveMonth month, CancellationToken ct) =>
        await claims.FindAsync(month, ct) is { } run
            ? $"The archive of {month} is being written by {run.ClaimedBy} (claim until {run.ClaimedUntil:u}); try again later."
            : throw new DomainException("The archive of {0} could not be claimed.", month);
}
