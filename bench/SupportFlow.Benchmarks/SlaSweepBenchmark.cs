using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace SupportFlow.Benchmarks;

/// <summary>
/// The steady state of the SLA sweep over 100,000 open tickets on SQLite: the sweep has caught
/// up (run once in setup at <see cref="SweepDatabase.Now"/>), so the next sweep at the same instant
/// finds nothing due. This is what the job costs every minute on a quiet minute.
/// </summary>
[MemoryDiagnoser]
public class SlaSweepBenchmark : IDisposable
{
    private SweepDatabase _database = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _database = await SweepDatabase.CreateAsync(TimeSpan.FromMinutes(60));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var recorded = await _database.Sweep.SweepAsync(CancellationToken.None);
        SweepDatabase.Log($"catch-up sweep in setup recorded {recorded:N0} events in {watch.Elapsed.TotalSeconds:F2} s; {await _database.CountDueAsync():N0} tickets due now");
    }

    [Benchmark(Description = "Sweep, 100k open tickets, nothing due")]
    public Task<int> SweepNothingDue() => _database.Sweep.SweepAsync(CancellationToken.None);

    [GlobalCleanup]
    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The SLA sweep over 100,000 open tickets when work is due, each iteration on a fresh copy of
/// the seeded database file: after a regular one-minute tick, after an hour without a sweep (a
/// restart or a failed job), and after an admin's calendar change, which marks every open ticket
/// for recomputation (<c>SlaSweep.RecomputeOpenTicketsAsync</c>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SlaSweepCatchUpBenchmark : IDisposable
{
    private SweepDatabase _database = null!;
    private int _due;
    private int _recorded;

    public enum Backlog
    {
        OneMinuteTick,
        OneHourWithoutSweep,
        CalendarChange,
    }

    [Params(Backlog.OneMinuteTick, Backlog.OneHourWithoutSweep, Backlog.CalendarChange)]
    public Backlog Case { get; set; }

    [GlobalSetup]
    public async Task Setup() =>
        _database = await SweepDatabase.CreateAsync(TimeSpan.FromMinutes(Case == Backlog.OneHourWithoutSweep ? 60 : 1));

    [IterationSetup]
    public void Restore()
    {
        _database.Restore();
        if (Case == Backlog.CalendarChange)
        {
            _database.MarkAllForRecomputeAsync().GetAwaiter().GetResult();
        }

        _due = _database.CountDueAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "Catch-up sweep, 100k open tickets")]
    public async Task<int> CatchUpSweep() => _recorded = await _database.Sweep.SweepAsync(CancellationToken.None);

    [IterationCleanup]
    public void Report() => SweepDatabase.Log($"{Case}: {_due:N0} tickets due, {_recorded:N0} events recorded");

    [GlobalCleanup]
    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }
}
