using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Server.Sla;

namespace SupportFlow.Server.Reports;

/// <summary>
/// <c>GET /api/reports/attainment</c>: the SLA report (<see cref="SlaReport"/>) over the period's
/// filtered tickets: per priority and target how many were met on time, breached or are still
/// running, and the share met of those decided; <see cref="Attainment"/> is that share over every
/// target of every priority.
/// </summary>
public sealed record AttainmentReport(DateOnly From, DateOnly To, int Tickets, double? Attainment, SlaPriorityReport[] Priorities)
    : IReport
{
    public static string Name => "attainment";

    public static async Task<AttainmentReport> ComputeAsync(ReportScope scope, SupportFlowDbContext db, SlaSettings settings,
        CancellationToken ct)
    {
        var (tickets, priorities) = await SlaReport.AttainmentAsync(scope.Received(db), settings, scope.Now, ct);
        var decided = priorities.SelectMany(Targets).Select(t => t.Attainment).ToList();
        return new AttainmentReport(scope.Period.From, scope.Period.To, tickets.Count,
            Rate.Of(decided.Sum(a => a.MetOnTime), decided.Sum(a => a.MetOnTime + a.Breached)), priorities);
    }

    /// <summary>The four targets of a priority, by their API names.</summary>
    public static IEnumerable<(string Target, SlaAttainment Attainment)> Targets(SlaPriorityReport p) =>
    [
        ("firstResponse", p.FirstResponse), ("assignment", p.Assignment), ("update", p.Update), ("resolution", p.Resolution),
    ];

    public IReadOnlyList<ReportTable> Tables() =>
    [
        new("SLA attainment", ["priority", "target", "metOnTime", "breached", "open", "attainment"],
            [.. Priorities.SelectMany(p => Targets(p).Select(t => new object?[]
            {
                p.Priority.ToString(), t.Target, t.Attainment.MetOnTime, t.Attainment.Breached, t.Attainment.Open, t.Attainment.Attainment,
            }))]),
    ];
}
