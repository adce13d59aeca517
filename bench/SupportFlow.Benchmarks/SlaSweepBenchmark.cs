using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace SupportFlow.Benchmarks;

/// <summary>
/// The steady state of the SLA sweep over 100,000 open tickets on SQLite: the sweep has caught
/// up (run once in setup at <see cref="SweepDatabase.Now"/>), so the next sweep at the same instant
/// finds nothing due. This is what the job costs on a minute in which nothing falls due.
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
/// the seeded database file: a regular one-minute tick, and the backlog after an hour without a
/// sweep (a restart, or a job that kept failing).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SlaSweepCatchUpBenchmark : IDisposable
{
    private SweepDatabase _database = null!;
    private int _due;
    private int _recorded;

    [Params(1, 60)]
    public int MinutesSinceLastSweep { get; set; }

    [GlobalSetup]
    public async Task Setup() => _database = await SweepDatabase.CreateAsync(TimeSpan.FromMinutes(MinutesSinceLastSweep));

    [IterationSetup]
    public void Restore()
    {
        _database.Restore();
        _due = _database.CountDueAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "Catch-up sweep, 100k open tickets")]
    public async Task<int> CatchUpSweep() => _recorded = await _database.Sweep.SweepAsync(CancellationToken.None);

    [IterationCleanup]
    public void Report() =>
        SweepDatabase.Log($"{MinutesSinceLastSweep} min since the last sweep: {_due:N0} tickets due, {_recorded:N0} events recorded");

    [GlobalCleanup]
    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The worst case: an admin's calendar change marks every open ticket for recomputation
/// (<c>SlaSweep.RecomputeOpenTicketsAsync</c>), so the next sweep loads, recomputes and saves all
/// 100,000. Minutes per iteration: run it on its own (--filter '*RecomputeAll*').
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SlaSweepRecomputeAllBenchmark : IDisposable
{
    private SweepDatabase _database = null!;
    private int _due;
    private int _recorded;

    [GlobalSetup]
    public async Task Setup() => _database = await SweepDatabase.CreateAsync(TimeSpan.FromMinutes(1));

    [IterationSetup]
    public void Restore()
    {
        _database.Restore();
        _database.MarkAllForRecomputeAsync().GetAwaiter().GetResult();
        _due = _database.CountDueAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "Sweep after a calendar change, 100k open tickets")]
    public async Task<int> RecomputeAllSweep() => _recorded = await _database.Sweep.SweepAsync(CancellationToken.None);

    [IterationCleanup]
    public void Report() => SweepDatabase.Log($"calendar change: {_due:N0} tickets due, {_recorded:N0} events recorded");

    [GlobalCleanup]
    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }
}
