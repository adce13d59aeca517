using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reports;

namespace SupportFlow.Server.Reports;

public sealed record BacklogBucket(string Age, int Tickets);

/// <summary>
/// <c>GET /api/reports/backlog</c>: the filtered tickets open now (new, assigned, in progress,
/// pending) by how long ago they were received (<see cref="BacklogAge"/>); the period does not apply.
/// </summary>
public sealed record BacklogReport(DateTimeOffset At, int Open, BacklogBucket[] Ages) : IReport
{
    public static string Name => "backlog";

    public static async Task<BacklogReport> ComputeAsync(ReportScope scope, SupportFlowDbContext db, OrganizationTime org,
        CancellationToken ct) =>
        From(await scope.Backlog(db).Select(t => t.ReceivedAt).ToListAsync(ct), org.Local(scope.Now));

    public static BacklogReport From(IReadOnlyList<DateTimeOffset> receivedAt, DateTimeOffset now) =>
        new(now, receivedAt.Count, [.. BacklogAge.Count(receivedAt, now).Select(b => new BacklogBucket(b.Age, b.Count))]);

    public IReadOnlyList<ReportTable> Tables() =>
        [new("Backlog age", ["age", "tickets"], [.. Ages.Select(a => new object?[] { a.Age, a.Tickets })])];
}
