using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reviews;
using SupportFlow.Server.Auth;

namespace SupportFlow.Server.Reviews;

public sealed record ReviewCountByCategory(string Category, string NameEn, string NameZh, int Reviews);

public sealed record ReviewReportResponse(int OpenReviews, int DoneReviews, int OpenActions, int OverdueActions,
    PreventiveActionResponse[] Overdue, ReviewCountByCategory[] ByCategory);

/// <summary><c>GET /api/reports/reviews</c>: reviews open and done, open and overdue actions (listed), reviews per cause category.</summary>
public static class ReviewReport
{
    public static void MapReviewReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/reviews", Get).WithName("ReportsGetReviews").WithSummary("Reports: the problem-review report").WithTags("Reports").RequireAuthorization(Policies.Supervisor);

    internal static async Task<Ok<ReviewReportResponse>> Get(SupportFlowDbContext db, OrganizationTime org, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var byStatus = await db.Reviews.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var openActions = await db.PreventiveActions.CountAsync(a => a.Status == ActionStatus.Open, ct);
        var overdue = await db.PreventiveActions.AsNoTracking().Include(a => a.Owner)
            .Where(a => a.Status == ActionStatus.Open && a.DueAt <= now)
            .OrderBy(a => a.DueAt)
            .ToListAsync(ct);
        var byCategory = await db.Reviews.Where(r => r.CauseCategory != null)
            .GroupBy(r => new { r.CauseCategory!.Key, r.CauseCategory.NameEn, r.CauseCategory.NameZh })
            .Select(g => new ReviewCountByCategory(g.Key.Key, g.Key.NameEn, g.Key.NameZh, g.Count()))
            .ToListAsync(ct);
        return TypedResults.Ok(new ReviewReportResponse(
            byStatus.Where(s => s.Key == ReviewStatus.Open).Sum(s => s.Count),
            byStatus.Where(s => s.Key == ReviewStatus.Done).Sum(s => s.Count),
            openActions, overdue.Count,
            [.. overdue.Select(a => PreventiveActionResponse.From(a, org, now))],
            [.. byCategory.OrderByDescending(c => c.Reviews).ThenBy(c => c.Category, StringComparer.Ordinal)]));
    }
}
