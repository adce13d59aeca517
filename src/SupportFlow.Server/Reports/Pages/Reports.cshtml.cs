using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Reports.Pages;

/// <summary>
/// The supervisor's reports: the API's reports over one period and set of filters, as charts and
/// numbers, with each report's CSV / XLSX export (served here, under the page's cookie sign-in,
/// because the API takes only tokens).
/// </summary>
[Authorize(Policy = WebAuth.Supervisor)]
public sealed class ReportsModel(SupportFlowDbContext db, SlaSettings settings, TimeProvider clock, OrganizationTime org)
    : WebPage
{
    /// <summary>The reports the page exports, by their API name.</summary>
    public static readonly string[] Exports =
        [VolumeReport.Name, AttainmentReport.Name, TimesReport.Name, ReopenReport.Name, SimpleTicketReport.Name,
            SatisfactionReport.Name, EngineerReport.Name, BacklogReport.Name];

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Module { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? GroupBy { get; set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public ReportScope? Scope { get; private set; }

    public IReadOnlyList<string> Modules { get; private set; } = [];

    public IReadOnlyList<string> Teams { get; private set; } = [];

    public IReadOnlyList<string> Departments { get; private set; } = [];

    public VolumeReport Volume { get; private set; } = null!;

    public AttainmentReport Attainment { get; private set; } = null!;

    public TimesReport Times { get; private set; } = null!;

    public ReopenReport Reopens { get; private set; } = null!;

    public SimpleTicketReport Simple { get; private set; } = null!;

    public SatisfactionReport Satisfaction { get; private set; } = null!;

    public EngineerReport Engineers { get; private set; } = null!;

    public BacklogReport Backlog { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var errors = new RequestErrors();
        var grouping = errors.Enum<TimeGrouping>("groupBy", GroupBy, required: false) ?? TimeGrouping.Day;
        try
        {
            Scope = await AsRequest().ParseAsync(db, clock, org, ct, errors);
        }
        catch (RequestValidationException e)
        {
            Errors = e.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        GroupBy = WireNames.Of(grouping);
        From = VolumeReport.Day(Scope.Period.From);
        To = VolumeReport.Day(Scope.Period.To);
        Volume = await VolumeReport.ComputeAsync(Scope, grouping, db, org, ct);
        Attainment = await AttainmentReport.ComputeAsync(Scope, db, settings, ct);
        Times = await TimesReport.ComputeAsync(Scope, db, ct);
        Reopens = await ReopenReport.ComputeAsync(Scope, db, ct);
        Simple = await SimpleTicketReport.ComputeAsync(Scope, db, ct);
        Satisfaction = await SatisfactionReport.ComputeAsync(Scope, db, org, ct);
        Engineers = await EngineerReport.ComputeAsync(Scope, db, ct);
        Backlog = await BacklogReport.ComputeAsync(Scope, db, org, ct);
        return Page();
    }

    /// <summary><c>/reports?handler=export&amp;report=volume&amp;format=csv</c> with the page's period and filters.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? report, string? format, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var grouping = errors.Enum<TimeGrouping>("groupBy", GroupBy, required: false) ?? TimeGrouping.Day;
        var scope = await (AsRequest() with { Format = format is { Length: > 0 } ? format : "csv" }).ParseAsync(db, clock, org, ct, errors);
        if (scope.Format == ReportFormat.Json)
        {
            return BadRequest();
        }

        IResult? file = report switch
        {
            "volume" => ReportExport.File(await VolumeReport.ComputeAsync(scope, grouping, db, org, ct), scope.Period, scope.Format),
            "attainment" => ReportExport.File(await AttainmentReport.ComputeAsync(scope, db, settings, ct), scope.Period, scope.Format),
            "times" => ReportExport.File(await TimesReport.ComputeAsync(scope, db, ct), scope.Period, scope.Format),
            "reopens" => ReportExport.File(await ReopenReport.ComputeAsync(scope, db, ct), scope.Period, scope.Format),
            "simple" => ReportExport.File(await SimpleTicketReport.ComputeAsync(scope, db, ct), scope.Period, scope.Format),
            "satisfaction" => ReportExport.File(await SatisfactionReport.ComputeAsync(scope, db, org, ct), scope.Period, scope.Format),
            "engineers" => ReportExport.File(await EngineerReport.ComputeAsync(scope, db, ct), scope.Period, scope.Format),
            "backlog" => ReportExport.File(await BacklogReport.ComputeAsync(scope, db, org, ct), scope.Period, scope.Format),
            _ => null,
        };
        return file is null ? NotFound() : new HttpResultAction(file);
    }

    /// <summary>The export link of one report in one format, with the page's period and filters.</summary>
    public string ExportLink(string report, string format) => "/reports" + QueryString.Create(new Dictionary<string, string?>
    {
        ["handler"] = "export", ["report"] = report, ["format"] = format, ["from"] = From, ["to"] = To, ["module"] = Module,
        ["team"] = Team, ["department"] = Department, ["priority"] = Priority, ["channel"] = Channel, ["groupBy"] = GroupBy,
    }.Where(v => !string.IsNullOrEmpty(v.Value)));

    private ReportRequest AsRequest() =>
        new(From, To, Blank(Module), Blank(Team), Blank(Department), Blank(Priority), Blank(Channel), null);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Modules = await db.Modules.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
    }
}
