using BenchmarkDotNet.Attributes;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Benchmarks;

/// <summary>
/// One due-time computation over <see cref="BenchCalendar"/> (a year of holidays). Each operation
/// takes the next of 1,024 start instants spread over 2026, so the answer is never the same twice
/// in a row. "Warm" benchmarks reuse one calendar, whose per-date interval cache fills during
/// warm-up; "Cold" ones start from a new calendar each operation, as the server does today (one
/// calendar per request and per ticket in the SLA sweep, see SlaSettings).
/// </summary>
[MemoryDiagnoser]
public class DueTimeBenchmarks
{
    private const int StartCount = 1024;

    private static readonly SlaTarget ThreeBusinessDays = SlaTarget.BusinessDays(3);
    private static readonly SlaTarget EightBusinessHours = SlaTarget.BusinessHours(8);
    private static readonly SlaPolicy P3 = SlaPolicy.Defaults[Priority.P3];

    private readonly DateTimeOffset[] _starts = new DateTimeOffset[StartCount];
    private readonly SlaTimeline[] _timelines = new SlaTimeline[StartCount];
    private readonly DateTimeOffset[] _nows = new DateTimeOffset[StartCount];
    private BusinessCalendar _calendar = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = BenchCalendar.Build();
        var random = new Random(2026);
        var yearStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        for (var i = 0; i < StartCount; i++)
        {
            // Any second of 2026 (Shanghai): nights, weekends and holidays included, as tickets arrive.
            var start = yearStart.AddSeconds(random.NextInt64(365L * 24 * 3600));
            _starts[i] = start;

            // A P3 ticket assigned after 2 h, pending on the reporter from 4 h to 28 h, checked 2 days in.
            _timelines[i] = new SlaTimeline
            {
                ReceivedAt = start,
                FirstAssignedAt = start.AddHours(2),
                FirstPublicResponseAt = start.AddHours(2),
                PendingOnReporter = [ClockInterval.Between(start.AddHours(4), start.AddHours(28))],
            };
            _nows[i] = start.AddDays(2);
        }
    }

    [Benchmark(Description = "Warm: BusinessDays(3).DueFrom")]
    public DateTimeOffset? BusinessDays3() => ThreeBusinessDays.DueFrom(NextStart(), _calendar);

    [Benchmark(Description = "Warm: BusinessHours(8).DueFrom")]
    public DateTimeOffset? BusinessHours8() => EightBusinessHours.DueFrom(NextStart(), _calendar);

    [Benchmark(Description = "Warm: BusinessTimeBetween over 30 days")]
    public TimeSpan BusinessTimeOverMonth()
    {
        var start = NextStart();
        return _calendar.BusinessTimeBetween(start, start.AddDays(30));
    }

    [Benchmark(Description = "Warm: SlaClock.Compute P3, one pause")]
    public SlaStatus ComputeP3WithPause()
    {
        var i = NextIndex();
        return SlaClock.Compute(P3, _calendar, _timelines[i], _nows[i]);
    }

    [Benchmark(Description = "Cold (new instance): BusinessDays(3).DueFrom")]
    public DateTimeOffset? ColdInstanceBusinessDays3() =>
        ThreeBusinessDays.DueFrom(NextStart(), _calendar.WithTimeZone(_calendar.TimeZone));

    [Benchmark(Description = "Cold (built from rows): BusinessDays(3).DueFrom")]
    public DateTimeOffset? ColdBuiltBusinessDays3() => ThreeBusinessDays.DueFrom(NextStart(), BenchCalendar.Build());

    [Benchmark(Description = "Cold (built from rows): SlaClock.Compute P3, one pause")]
    public SlaStatus ColdBuiltComputeP3WithPause()
    {
        var i = NextIndex();
        return SlaClock.Compute(P3, BenchCalendar.Build(), _timelines[i], _nows[i]);
    }

    private int NextIndex() => _next = (_next + 1) & (StartCount - 1);

    private DateTimeOffset NextStart() => _starts[NextIndex()];
}
