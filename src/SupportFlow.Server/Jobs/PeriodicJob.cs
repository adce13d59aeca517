using System.Diagnostics;
using SupportFlow.Server.Operations;

namespace SupportFlow.Server.Jobs;

/// <summary>
/// A background job that runs at start and then every <see cref="Interval"/> on the injected
/// clock (so tests drive it with FakeTimeProvider). A failed run is logged and retried next time;
/// all state is in the database, so a restart loses nothing.
/// </summary>
public abstract class PeriodicJob(TimeProvider clock, ILogger log, SupportFlowMetrics metrics) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Log { get; } = log;

    protected SupportFlowMetrics Metrics { get; } = metrics;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One run; returns how many things it did (for the log).</summary>
    public abstract Task<int> SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                // Armed before the run, so a run that takes long is followed at once (fixed rate, like
                // PeriodicTimer); one-shot, so a clock that jumps a month ahead wakes the job once
                // instead of once per missed interval (FakeTimeProvider fires every period it skips).
                var next = Task.Delay(Interval, Clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
                await next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp(); // real elapsed time, also under a fake clock
        try
        {
            await SweepAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            Log.LogError(e, "{Job} failed; retrying in {Interval}", GetType().Name, Interval);
        }
        finally
        {
            Metrics.JobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("job", GetType().Name));
        }
    }
}
