using Microsoft.AspNetCore.Http.HttpResults;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Sla;

namespace SupportFlow.Server.Reports;

/// <summary>
/// The service-quality reports under <c>/api/reports/</c> for supervisors and admins. Each takes
/// the period and filters of <see cref="ReportRequest"/> and answers JSON, or with
/// <c>format=csv|xlsx</c> a file of its tables (<see cref="ReportExport"/>).
/// </summary>
public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Supervisor);
        reports.MapGet("/volume", async ([AsParameters] ReportRequest request, string? groupBy, [AsParameters] Context c) =>
        {
            var errors = new RequestErrors();
            var grouping = errors.Enum<TimeGrouping>("groupBy", groupBy, required: false) ?? TimeGrouping.Day;
            var scope = await ScopeAsync(request, c, errors);
            return Answer(await VolumeReport.ComputeAsync(scope, grouping, c.Db, c.Org, c.Ct), scope);
        });
        reports.MapGet("/attainment", async ([AsParameters] ReportRequest request, [AsParameters] Context c, SlaSettings settings) =>
        {
            var scope = await ScopeAsync(request, c);
            return Answer(await AttainmentReport.ComputeAsync(scope, c.Db, settings, c.Ct), scope);
        });
        reports.MapGet("/times", async ([AsParameters] ReportRequest request, [AsParameters] Context c) =>
        {
            var scope = await ScopeAsync(request, c);
            return Answer(await TimesReport.ComputeAsync(scope, c.Db, c.Ct), scope);
        });
        reports.MapGet("/reopens", async ([AsParameters] ReportRequest request, [AsParameters] Context c) =>
        {
            var scope = await ScopeAsync(request, c);
            return Answer(await ReopenReport.ComputeAsync(scope, c.Db, c.Ct), scope);
        });
        reports.MapGet("/satisfaction", async ([AsParameters] ReportRequest request, [AsParameters] Context c) =>
        {
            var scope = await ScopeAsync(request, c);
            return Answer(await SatisfactionReport.ComputeAsync(scope, c.Db, c.Org, c.Ct), scope);
        });
        reports.MapGet("/engineers", async ([AsParameters] ReportRequest request, [AsParameters] Context c) =>
        {
            var scope = await ScopeAsync(request, c);
            return Answer(await EngineerReport.ComputeAsync(scope, c.Db, c.Ct), scope);
        });
        reports.MapGet("/backlog", async ([AsParameters] ReportRequest request, [AsParameters] Context c) =>
        {
            var scope = await ScopeAsync(request, c);
            return Answer(await BacklogReport.ComputeAsync(scope, c.Db, c.Org, c.Ct), scope);
        });
        reports.MapGet("/simple", async ([AsParameters] ReportRequest request, [AsParameters] Context c) =>
        {
            var scope = await ScopeAsync(request, c);
            return Answer(await SimpleTicketReport.ComputeAsync(scope, c.Db, c.Ct), scope);
        });
    }

    /// <summary>The services every report needs.</summary>
    public sealed record Context(SupportFlowDbContext Db, TimeProvider Clock, OrganizationTime Org, CancellationToken Ct);

    private static Task<ReportScope> ScopeAsync(ReportRequest request, Context c, RequestErrors? errors = null) =>
        request.ParseAsync(c.Db, c.Clock, c.Org, c.Ct, errors);

    private static Results<Ok<T>, FileContentHttpResult> Answer<T>(T report, ReportScope scope) where T : IReport
    {
        if (scope.Format == ReportFormat.Json)
        {
            return TypedResults.Ok(report);
        }

        var (content, contentType, fileName) = ReportExport.File(report, scope.Period, scope.Format);
        return TypedResults.File(content, contentType, fileName);
    }
}
