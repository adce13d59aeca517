using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Server.Auth;

namespace SupportFlow.Server.Knowledge;

public sealed record DeflectingArticle(int Id, string Title, int Deflections);

public sealed record FaqReportResponse(DateTimeOffset From, DateTimeOffset To, int Deflections, DeflectingArticle[] Articles);

/// <summary><c>GET /api/reports/faq?from&amp;to</c>: the articles that solved a problem without a ticket, most first.</summary>
public static class FaqReport
{
    public static void MapFaqReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/faq", Get).WithName("ReportsGetFaq").WithSummary("Reports: the FAQ handbook report").WithTags("Reports").RequireAuthorization(Policies.Supervisor);

    internal static async Task<Ok<FaqReportResponse>> Get(string? from, string? to, SupportFlowDbContext db, TimeProvider clock,
        OrganizationTime org, CancellationToken ct)
    {
        var errors = new RequestErrors();
        // Whole days, like every report: without dates the last 30 days, today included.
        var (_, start, end) = ReportPeriod.Parse(errors, from, to, org, clock.GetUtcNow(), defaultDays: 30);
        errors.ThrowIfInvalid();
        var counts = await db.Deflections.Where(d => d.At >= start && d.At < end)
            .GroupBy(d => d.ArticleId)
            .Select(g => new { ArticleId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.ArticleId).ToList();
        var titles = await db.Articles.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var articles = counts.OrderByDescending(c => c.Count).ThenBy(c => c.ArticleId)
            .Select(c => new DeflectingArticle(c.ArticleId, titles[c.ArticleId], c.Count)).ToArray();
        return TypedResults.Ok(new FaqReportResponse(org.Local(start), org.Local(end), articles.Sum(a => a.Deflections), articles));
    }
}
