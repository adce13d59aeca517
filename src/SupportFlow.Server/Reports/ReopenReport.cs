using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;

namespace SupportFlow.Server.Reports;

/// <summary>
/// <c>GET /api/reports/reopens</c>: of the period's tickets that were resolved at least once
/// (<see cref="Resolved"/>: resolved now, or reopened since), how many came back at least once
/// (<see cref="Reopened"/>, by the reporter's "not solved" or a reopen); <see cref="Rate"/> is
/// Reopened / Resolved; <see cref="Reopens"/> counts every return.
/// </summary>
public sealed record ReopenReport(DateOnly From, DateOnly To, int Resolved, int Reopened, int Reopens, double? Rate) : IReport
{
    public static string Name => "reopens";

    public static async Task<ReopenReport> ComputeAsync(ReportScope scope, SupportFlowDbContext db, CancellationToken ct)
    {
        var resolvedOnce = scope.Received(db).Where(t => t.ResolvedAt != null || t.ReopenCount > 0);
        var resolved = await resolvedOnce.CountAsync(ct);
        var reopened = await resolvedOnce.CountAsync(t => t.ReopenCount > 0, ct);
        var reopens = await resolvedOnce.SumAsync(t => t.ReopenCount, ct);
        return new ReopenReport(scope.Period.From, scope.Period.To, resolved, reopened, reopens,
            SupportFlow.Reports.Rate.Of(reopened, resolved));
    }

    public IReadOnlyList<ReportTable> Tables() =>
        [new("Reopen rate", ["resolved", "reopened", "reopens", "rate"], [[Resolved, Reopened, Reopens, Rate]])];
}
