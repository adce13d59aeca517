using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Reviews;
using SupportFlow.Server.Auth;

namespace SupportFlow.Server.Recurring;

public sealed record RecurringModule(string Module, int Reviews, int OpenReviews, int Tickets);

public sealed record RecurringReportResponse(DateTimeOffset From, DateTimeOffset To, RecurringModule[] Modules);

/// <summary><c>GET /api/reports/recurring?from&amp;to</c>: the modules with the most recurring-problem reviews opened in the period.</summary>
public static class RecurringReport
{
    public static void MapRecurringReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/recurring", Get).WithName("ReportsGetRecurring").WithSummary("Reports: recurring problems by module").WithTags("Reports").RequireAuthorization(Policies.Supervisor);

    internal static async Task<Ok<RecurringReportResponse>> Get(string? from, string? to, SupportFlowDbContext db, TimeProvider clock,
        OrganizationTime org, CancellationToken ct)
    {
        var errors = new RequestErrors();
        // Whole days, like every report: without dates the last 90 days, today included.
        var (_, start, end) = ReportPeriod.Parse(errors, from, to, org, clock.GetUtcNow(), defaultDays: 90);
        errors.ThrowIfInvalid();
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.Trigger == ReviewTrigger.RecurringProblem && r.Module != null && r.OpenedAt >= start && r.OpenedAt < end)
            .Select(r => new { Module = r.Module!.Name, r.Status, Tickets = r.Tickets.Count })
            .ToListAsync(ct);
        var modules = reviews.GroupBy(r => r.Module)
            .Select(g => new RecurringModule(g.Key, g.Count(), g.Count(r => r.Status == ReviewStatus.Open), g.Sum(r => r.Tickets)))
            .OrderByDescending(m => m.Reviews).ThenByDescending(m => m.Tickets).ThenBy(m => m.Module, StringComparer.Ordinal)
            .ToArray();
        return TypedResults.Ok(new RecurringReportResponse(org.Local(start), org.Local(end), modules));
    }
}
