using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Reports;

/// <summary>
/// <c>GET /api/reports/simple</c>: of the period's simple tickets (<see cref="SimpleTickets"/>:
/// P3/P4, resolved, no workaround), how many were resolved within 30 minutes of their first
/// assignment, and that share.
/// </summary>
public sealed record SimpleTicketReport(DateOnly From, DateOnly To, int Simple, int WithinTarget, double? Share,
    int TargetMinutes) : IReport
{
    public static string Name => "simple";

    public static async Task<SimpleTicketReport> ComputeAsync(ReportScope scope, SupportFlowDbContext db, CancellationToken ct)
    {
        // The database narrows to resolved P3/P4 tickets; the rule itself is the domain's.
        var candidates = await scope.Received(db)
            .Where(t => (t.Priority == Priority.P3 || t.Priority == Priority.P4) && t.ResolvedAt != null)
            .Select(t => new { t.Priority, t.ResolvedAt, t.Workaround, t.FirstAssignedAt })
            .ToListAsync(ct);
        var simple = candidates.Where(t => SimpleTickets.IsSimple(t.Priority, t.ResolvedAt, t.Workaround)).ToList();
        var within = simple.Count(t => SimpleTickets.MetTarget(t.FirstAssignedAt, t.ResolvedAt));
        return new SimpleTicketReport(scope.Period.From, scope.Period.To, simple.Count, within, Rate.Of(within, simple.Count),
            (int)SimpleTickets.Target.TotalMinutes);
    }

    public IReadOnlyList<ReportTable> Tables() =>
        [new("Simple tickets", ["simple", "withinTarget", "share", "targetMinutes"], [[Simple, WithinTarget, Share, TargetMinutes]])];
}
