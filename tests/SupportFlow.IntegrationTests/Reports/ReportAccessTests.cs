using System.Globalization;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using SupportFlow.IntegrationTests.Infrastructure;
using static SupportFlow.IntegrationTests.Reports.ReportFixture;

namespace SupportFlow.IntegrationTests.Reports;

/// <summary>Who may read the reports, what bad input gets, and the CSV / XLSX exports read back.</summary>
public sealed class ReportAccessTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly string[] Reports = ["volume", "attainment", "times", "reopens", "simple", "satisfaction", "engineers", "backlog"];

    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task ReportsAreForSupervisorsAndAdminsOnly()
    {
        using var anonymous = _desk.App.CreateClient();
        foreach (var report in Reports)
        {
            var url = $"/api/reports/{report}?{Week}";
            Assert.Equal(HttpStatusCode.OK, (await _desk.Supervisor.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _desk.Admin.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Engineer.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Engineer.GetAsync(url + "&format=csv")).StatusCode);
        }
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-05-18T00:00", "from")]
    [InlineData("to=last-week", "to")]
    [InlineData("from=2026-05-24&to=2026-05-18", "to")]
    [InlineData("from=2020-01-01&to=2026-05-24", "to")]
    [InlineData("module=No%20such%20module", "module")]
    [InlineData("team=Nobody", "team")]
    [InlineData("priority=P1,P9", "priority")]
    [InlineData("channel=fax", "channel")]
    [InlineData("format=pdf", "format")]
    public async Task BadInputIsAProblemNamingTheField(string query, string field)
    {
        foreach (var report in Reports)
        {
            await (await _desk.Supervisor.GetAsync($"/api/reports/{report}?{query}")).FieldError(field);
        }
    }

    [Fact]
    public async Task EveryBadFieldIsNamedAtOnce()
    {
        var problem = await (await _desk.Supervisor.GetAsync("/api/reports/volume?from=x&to=y&groupBy=year&format=doc"))
            .FieldError("groupBy");
        Assert.Equal(["format", "from", "groupBy", "to"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheCsvExportIsUtf8WithABomAndHoldsTheSameFiguresAsTheJson()
    {
        var response = await _desk.Supervisor.GetAsync($"/api/reports/satisfaction?{Week}&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("report-satisfaction-2026-05-18-2026-05-24.csv", response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));

        // Several tables: each under its name, a blank line between.
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var sections = text.Split("\r\n\r\n");
        Assert.Equal(["Satisfaction", "Ratings", "Comments"], sections.Select(s => s.Split("\r\n")[0]));
        Assert.StartsWith("Satisfaction\r\nrated,average,comments\r\n3,3.67,2", sections[0], StringComparison.Ordinal);

        using var csv = new CsvReader(new StringReader(sections[2][(sections[2].IndexOf('\n', StringComparison.Ordinal) + 1)..]),
            CultureInfo.InvariantCulture);
        var comments = csv.GetRecords<dynamic>().Select(r => (IDictionary<string, object>)r).ToList();
        Assert.Equal(["还是卡纸", "很快，谢谢"], comments.Select(c => (string)c["comment"]));
        Assert.Equal(fixture.Numbers["T2"], comments[0]["number"]);
    }

    [Fact]
    public async Task AOneTableReportExportsAsAPlainCsv()
    {
        var text = await _desk.Supervisor.GetStringAsync($"/api/reports/times?{Week}&format=csv");
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Select(r => (IDictionary<string, object>)r).ToList();
        var resolve = rows.Single(r => (string)r["step"] == "resolve" && (string)r["priority"] == "all");
        Assert.Equal(("4", "85", "135"), ((string)resolve["tickets"], (string)resolve["meanMinutes"], (string)resolve["p90Minutes"]));
    }

    [Fact]
    public async Task TheXlsxExportHasOneSheetPerTable()
    {
        var response = await _desk.Supervisor.GetAsync($"/api/reports/volume?{Week}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["By day", "By module", "By category", "By channel", "By priority", "By department"],
            workbook.Worksheets.Select(w => w.Name));
        var days = workbook.Worksheet("By day");
        Assert.Equal(["day", "tickets"], new[] { days.Cell(1, 1).GetString(), days.Cell(1, 2).GetString() });
        Assert.Equal("2026-05-18", days.Cell(2, 1).GetString());
        Assert.Equal(2, days.Cell(2, 2).GetValue<int>());
        Assert.Equal(8, days.LastRowUsed().RowNumber()); // header + seven days
        var departments = workbook.Worksheet("By department");
        Assert.Equal((Desk.SalesDepartment, 4), (departments.Cell(2, 1).GetString(), departments.Cell(2, 2).GetValue<int>()));
    }
}
