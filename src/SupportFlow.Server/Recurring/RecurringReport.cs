using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reviews;
using SupportFlow.Server.Auth;

namespace SupportFlow.Server.Recurring;

public sealed record RecurringModule(string Module, int Reviews, int OpenReviews, int Tickets);

public sealed record RecurringReportResponse(DateTimeOffset From, DateTimeOffset To, RecurringModule[] Modules);

/// <summary><c>GET /api/reports/recurring?from&amp;to</c>: the modules with the most recurring-problem reviews opened in the period.</summary>
public static class RecurringReport
{
    public static void MapRecurringReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/recurring", Get).WithTags("Reports").RequireAuthorization(Policies.Supervisor);

    internal static async Task<Ok<RecurringReportResponse>> Get(string? from, string? to, SupportFlowDbContext db, TimeProvider clock,
        OrganizationTime org, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var now = clock.GetUtcNow();
        var start = errors.PeriodBound("from", from, org, PeriodEnd.From) ?? now.AddDays(-90);
        // Periods exclude their end; without a `to` the period runs to the end of today (as every report's does),
        // so what happened at this instant is in it whatever the database's time precision.
        var end = errors.PeriodBound("to", to, org, PeriodEnd.To) ?? org.StartOfDay(org.DateOf(now).AddDays(1));
        if (end <= start)
        {
            errors.Add("to", "to must be after from.");
        }

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
