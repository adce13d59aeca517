using Microsoft.AspNetCore.Http.HttpResults;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Spreadsheets;

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
            var scope = await request.ParseAsync(c.Db, c.Clock, c.Org, c.Ct, errors);
            return Answer(await VolumeReport.ComputeAsync(scope, grouping, c.Db, c.Org, c.Ct), scope);
        });
        Map(reports, (scope, c) => AttainmentReport.ComputeAsync(scope, c.Db, c.Settings, c.Ct));
        Map(reports, (scope, c) => TimesReport.ComputeAsync(scope, c.Db, c.Ct));
        Map(reports, (scope, c) => ReopenReport.ComputeAsync(scope, c.Db, c.Ct));
        Map(reports, (scope, c) => SimpleTicketReport.ComputeAsync(scope, c.Db, c.Ct));
        Map(reports, (scope, c) => SatisfactionReport.ComputeAsync(scope, c.Db, c.Org, c.Ct));
        Map(reports, (scope, c) => EngineerReport.ComputeAsync(scope, c.Db, c.Ct));
        Map(reports, (scope, c) => BacklogReport.ComputeAsync(scope, c.Db, c.Org, c.Ct));
    }

    /// <summary>The services every report needs.</summary>
    public sealed record Context(SupportFlowDbContext Db, TimeProvider Clock, OrganizationTime Org, SlaSettings Settings,
        CancellationToken Ct);

    /// <summary><c>GET /api/reports/{name}</c> for a report that takes nothing but the shared query.</summary>
    private static void Map<T>(RouteGroupBuilder reports, Func<ReportScope, Context, Task<T>> compute) where T : IReport =>
        reports.MapGet("/" + T.Name, async ([AsParameters] ReportRequest request, [AsParameters] Context c) =>
        {
            var scope = await request.ParseAsync(c.Db, c.Clock, c.Org, c.Ct);
            return Answer(await compute(scope, c), scope);
        });

    private static Results<Ok<T>, FileContentHttpResult, XlsxDownload> Answer<T>(T report, ReportScope scope) where T : IReport =>
        scope.Format switch
        {
            ReportFormat.Json => TypedResults.Ok(report),
            ReportFormat.Xlsx => ReportExport.Xlsx(report, scope.Period),
            _ => ReportExport.Csv(report, scope.Period),
        };
}
