using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Archive;
using SupportFlow.Common;
using SupportFlow.Server.Jobs;
using SupportFlow.Server.Operations;

namespace SupportFlow.Server.Archive;

/// <summary>
/// SPEC: "at each month's end all tickets are exported into a folder per month". On the first
/// day of each month at 01:00 in the organisation's zone (and at the next start of a server that
/// was down then) the month just ended is archived, once across nodes: the month's claim row
/// decides who writes it, and a finished month is not written again.
/// </summary>
public sealed class ArchiveJob(
    IServiceScopeFactory scopes, TimeProvider clock, OrganizationTime org, IOptions<SupportFlowOptions> options,
    IHostApplicationLifetime lifetime, ILogger<ArchiveJob> log, SupportFlowMetrics metrics) : PeriodicJob(clock, log, metrics)
{
    private static readonly string Node = ArchiveClaims.ThisProcess("job");

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    /// <summary>
    /// No claim before the server serves: hosted services start before Kestrel binds its port, and a
    /// node that then fails to start must not leave a month claimed.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => serving.TrySetResult()))
        {
            await serving.Task.WaitAsync(stoppingToken);
        }

        await base.ExecuteAsync(stoppingToken);
    }

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Archive.Schedule)
        {
            return 0;
        }

        var month = ArchiveSchedule.DueMonth(Clock.GetUtcNow(), org.Zone);
        await using var scope = scopes.CreateAsyncScope();
        if (!await DeskExistedAsync(scope.ServiceProvider, month, cancellationToken))
        {
            return 0;
        }

        var runner = scope.ServiceProvider.GetRequiredService<ArchiveRunner>();
        var result = await runner.RunAsync(month, Node, again: false, progress: null, cancellationToken);
        if (result is null)
        {
            return 0;
        }

        Log.LogInformation("Archived {Month}: {Tickets} tickets to {Folder}", month, result.Manifest.Tickets, result.Folder);
        return 1;
    }

    /// <summary>
    /// The schedule starts with the month of the first ticket: a fresh install would otherwise write an
    /// empty archive of the month before it existed. A month after that is archived even when it is
    /// empty (the record that nothing was received), and a month someone archived by hand is finished.
    /// </summary>
    private async Task<bool> DeskExistedAsync(IServiceProvider services, ArchiveMonth month, CancellationToken ct)
    {
        var end = month.End(org.Zone);
        return await services.GetRequiredService<Data.SupportFlowDbContext>().Tickets.AnyAsync(t => t.ReceivedAt < end, ct)
               || await services.GetRequiredService<ArchiveClaims>().FindAsync(month, ct) is not null;
    }
}
