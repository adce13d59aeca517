using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;

namespace SupportFlow.Server.Reports;

/// <summary>One owner's load: open tickets now, and tickets resolved in the period.</summary>
public sealed record EngineerLoad(string Login, string Name, int Open, int Resolved);

/// <summary>
/// <c>GET /api/reports/engineers</c>: per owner, the filtered tickets open now (workload: new,
/// assigned, in progress or pending; a resolved ticket waits on its reporter) and those whose
/// latest resolution falls in the period (throughput), most open first. <see cref="Unassigned"/>:
/// open tickets without an owner.
/// </summary>
public sealed record EngineerReport(DateOnly From, DateOnly To, int Unassigned, EngineerLoad[] Engineers) : IReport
{
    public static string Name => "engineers";

    public static async Task<EngineerReport> ComputeAsync(ReportScope scope, SupportFlowDbContext db, CancellationToken ct)
    {
        var backlog = scope.Backlog(db);
        var open = await backlog.Where(t => t.AssigneeId != null).GroupBy(t => t.AssigneeId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var unassigned = await backlog.CountAsync(t => t.AssigneeId == null, ct);
        var resolved = await scope.Tickets(db)
            .Where(t => t.AssigneeId != null && t.ResolvedAt >= scope.Start && t.ResolvedAt < scope.End)
            .GroupBy(t => t.AssigneeId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var ids = open.Keys.Union(resolved.Keys).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Login, u.Name })
            .ToListAsync(ct);
        return new EngineerReport(scope.Period.From, scope.Period.To, unassigned,
        [
            .. people.Select(p => new EngineerLoad(p.Login, p.Name, open.GetValueOrDefault(p.Id), resolved.GetValueOrDefault(p.Id)))
                .OrderByDescending(e => e.Open).ThenByDescending(e => e.Resolved).ThenBy(e => e.Login, StringComparer.Ordinal),
        ]);
    }

    public IReadOnlyList<ReportTable> Tables() =>
    [
        new("Engineers", ["login", "name", "open", "resolved"],
            [.. Engineers.Select(e => new object?[] { e.Login, e.Name, e.Open, e.Resolved }), ["(unassigned)", null, Unassigned, null]]),
    ];
}
