using System.Net;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Reports;

/// <summary>
/// A period (<c>from</c>, <c>to</c>) names a day or time in the years 2000 to 2100; a year such as
/// 9999, where the day after would overflow, is a message on that field, not a 500: on every
/// report, the SLA views, the ticket list, the reports page and its CSV.
/// </summary>
public sealed class PeriodYearTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        await _desk.ReportAsync();
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Theory]
    [InlineData("/api/reports/volume", "from=2026-05-01&to=9999-12-31", "to")]
    [InlineData("/api/reports/volume", "from=9999-12-30&to=9999-12-31", "from")]
    [InlineData("/api/reports/backlog", "to=9999-12-31", "to")]
    [InlineData("/api/reports/engineers", "from=1999-12-31&to=2026-05-31", "from")]
    [InlineData("/api/reports/times", "from=2026-05-01&to=2101-01-01T00:00%2B08:00", "to")]
    [InlineData("/api/reports/volume", "from=2026-05-01&to=9999-12-31&format=csv", "to")]
    [InlineData("/api/reports/faq", "to=9999-12-31", "to")]
    [InlineData("/api/reports/sla", "to=9999-12-31", "to")]
    [InlineData("/api/sla/breaches", "to=9999-12-31", "to")]
    [InlineData("/api/tickets", "to=9999-12-31", "to")]
    public async Task AYearOutside2000To2100IsAFieldMessage(string path, string query, string field)
    {
        var problem = await (await _desk.Supervisor.GetAsync($"{path}?{query}")).FieldError(field);
        Assert.Contains("2000", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportsPageShowsTheMessageInChineseBesideTheFieldAndItsCsvLinkIsAProblem()
    {
        await _desk.App.CreateUserAsync("boss", "supervisor");
        var boss = await _desk.App.SignInAsync("boss", "zh-CN");
        var response = await boss.GetAsync("/reports?from=2026-05-01&to=9999-12-31");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode); // the page's answer to a form it cannot use
        Assert.Contains("data-field=\"to\">日期须在 2000 年至 2100 年之间。", html, StringComparison.Ordinal);
        var csv = await boss.GetAsync("/reports?handler=export&report=volume&format=csv&from=2026-05-01&to=9999-12-31");
        var problem = await csv.FieldError("to");
        Assert.Contains("2000", problem["errors"]!["to"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstAndLastAllowedDaysStillWork()
    {
        await (await _desk.Supervisor.GetAsync("/api/reports/volume?from=2098-01-01&to=2100-12-31")).Json(HttpStatusCode.OK);
        await (await _desk.Supervisor.GetAsync("/api/tickets?from=2000-01-01&to=2100-12-31")).Json(HttpStatusCode.OK);
    }
}
