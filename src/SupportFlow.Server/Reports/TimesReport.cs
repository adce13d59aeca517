using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Reports;

/// <summary>How long one step took for the tickets of one priority (null: all priorities together).</summary>
public sealed record StepTimes(string Step, Priority? Priority, int Tickets, double? MeanMinutes, double? P90Minutes);

/// <summary>
/// <c>GET /api/reports/times</c>: mean and 90th percentile (nearest rank) of the minutes from
/// receipt to the first response, to the first assignment and to the (latest) resolution, over
/// the period's tickets that have reached that step; cancelled tickets left out. Wall-clock
/// minutes: what the reporter lived through, comparable across priorities and teams whatever
/// their calendar; the business-hours view is the SLA attainment report's.
/// </summary>
public sealed record TimesReport(DateOnly From, DateOnly To, StepTimes[] Steps) : IReport
{
    public static string Name => "times";

    public static async Task<TimesReport> ComputeAsync(ReportScope scope, SupportFlowDbContext db, CancellationToken ct)
    {
        // Percentiles need every value: only the needed columns are read.
        var rows = await scope.Received(db).Where(t => t.Status != TicketStatus.Cancelled)
            .Select(t => new Row(t.Priority, t.ReceivedAt, t.FirstRespondedAt, t.FirstAssignedAt, t.ResolvedAt))
            .ToListAsync(ct);
        var steps = new List<StepTimes>();
        foreach (var (step, reached) in new (string, Func<Row, DateTimeOffset?>)[]
                 {
                     ("respond", r => r.RespondedAt), ("assign", r => r.AssignedAt), ("resolve", r => r.ResolvedAt),
                 })
        {
            steps.Add(Stats(step, null, rows.Select(r => reached(r) - r.ReceivedAt)));
            steps.AddRange(rows.GroupBy(r => r.Priority).OrderBy(g => g.Key)
                .Select(g => Stats(step, g.Key, g.Select(r => reached(r) - r.ReceivedAt))));
        }

        return new TimesReport(scope.Period.From, scope.Period.To, [.. steps]);
    }

    public IReadOnlyList<ReportTable> Tables() =>
    [
        new("Times", ["step", "priority", "tickets", "meanMinutes", "p90Minutes"],
            [.. Steps.Select(s => new object?[] { s.Step, s.Priority?.ToString() ?? "all", s.Tickets, s.MeanMinutes, s.P90Minutes })]),
    ];

    private sealed record Row(Priority Priority, DateTimeOffset ReceivedAt, DateTimeOffset? RespondedAt, DateTimeOffset? AssignedAt,
        DateTimeOffset? ResolvedAt);

    private static StepTimes Stats(string step, Priority? priority, IEnumerable<TimeSpan?> spans)
    {
        var stats = DurationStats.Of(spans.OfType<TimeSpan>());
        return new StepTimes(step, priority, stats.Count, stats.MeanMinutes, stats.P90Minutes);
    }
}
