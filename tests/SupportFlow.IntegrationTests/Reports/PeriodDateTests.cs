using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Sla.SlaTestKit;

namespace SupportFlow.IntegrationTests.Reports;

/// <summary>
/// Every period's <c>from</c>/<c>to</c> takes a plain date, a day in the organisation's zone (Asia/Shanghai,
/// UTC+8), as well as a time with offset. Four tickets around Shanghai's midnights, so that a day read in
/// UTC would pick the wrong ones:
/// <code>
/// A  Fri 6 Nov 23:00 (15:00Z on the 6th)   B  Sat 7 Nov 00:30 (16:30Z on the 6th)
/// C  Sat 7 Nov 23:50 (15:50Z on the 7th)   D  Sun 8 Nov 00:10 (16:10Z on the 7th)
/// </code>
/// All are unassigned P1s of team 系统组, so the SLA sweep records breaches: A's at Fri 23:20, B's at Sat 00:45.
/// </summary>
public sealed class PeriodDateTests : IAsyncLifetime
{
    private Desk _desk = null!;
    private readonly Dictionary<string, string> _numbers = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync(new SupportFlowApp(clock: new FakeTimeProvider(Sh(11, 6, 23, 0))));
        _numbers["A"] = (await _desk.ReportNowAsync("P1", "打印机卡纸 100%")).Str("number");
        _desk.AdvanceTo(Sh(11, 6, 23, 20));
        await _desk.App.SweepAsync();
        _desk.AdvanceTo(Sh(11, 7, 0, 30));
        _numbers["B"] = (await _desk.ReportNowAsync("P1", "VPN 连不上? / VPN down")).Str("number");
        _desk.AdvanceTo(Sh(11, 7, 0, 45));
        await _desk.App.SweepAsync();
        _desk.AdvanceTo(Sh(11, 7, 23, 50));
        _numbers["C"] = (await _desk.ReportNowAsync("P1", "财务/报销 系统 500")).Str("number");
        _desk.AdvanceTo(Sh(11, 8, 0, 10));
        _numbers["D"] = (await _desk.ReportNowAsync("P1", "会议室 A 投影 无信号")).Str("number");
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private string[] Numbers(params string[] names) => [.. names.Select(n => _numbers[n]).Order(StringComparer.Ordinal)];

    private static string[] NumbersOf(IEnumerable<JsonNode?> rows) =>
        [.. rows.Select(r => r.Str("number")).Distinct().Order(StringComparer.Ordinal)];

    private async Task<string[]> ListAsync(string query) =>
        NumbersOf((await (await _desk.Supervisor.GetAsync("/api/tickets?" + query)).Json(HttpStatusCode.OK))["items"]!.AsArray());

    private static DateOnly LocalDay(JsonNode? row) => DateOnly.FromDateTime(row.Time("recordedAt")!.Value.ToOffset(Shanghai).DateTime);

    [Fact]
    public void TicketNumbersAreTheShanghaiDays()
    {
        Assert.StartsWith("20261106-", _numbers["A"], StringComparison.Ordinal);
        Assert.StartsWith("20261107-", _numbers["B"], StringComparison.Ordinal);
        Assert.StartsWith("20261108-", _numbers["D"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBreachListTakesADayOfTheOrganisationsZone()
    {
        // GET /api/sla/breaches?from=2026-11-07 was a 400: a user typing a report period means a day.
        // Saturday's rows are those recorded on Saturday in Shanghai (B's breaches, and A's that came due after Friday's sweep).
        var since = await _desk.Supervisor.BreachesAsync("from=2026-11-07");
        Assert.Contains(_numbers["B"], NumbersOf(since));
        Assert.All(since, r => Assert.Equal(new DateOnly(2026, 11, 7), LocalDay(r)));

        var saturday = await _desk.Supervisor.BreachesAsync("from=2026-11-07&to=2026-11-07");
        Assert.Equal(since.Count, saturday.Count);

        // Friday in Shanghai is A's breaches of the 23:20 sweep alone; with a time the bound is that instant.
        var friday = await _desk.Supervisor.BreachesAsync("from=2026-11-06&to=2026-11-06");
        Assert.Equal(Numbers("A"), NumbersOf(friday));
        Assert.All(friday, r => Assert.Equal(Sh(11, 6, 23, 20), r.Time("recordedAt")));
        Assert.Contains(since, r => r.Time("recordedAt") == Sh(11, 7, 0, 45));
        Assert.Equal(friday.Count + saturday.Count(r => r.Time("recordedAt") == Sh(11, 7, 0, 45)),
            (await _desk.Supervisor.BreachesAsync($"from=2026-11-06&to={Q(Sh(11, 7, 0, 46))}")).Count);
        Assert.Equal(friday.Count, (await _desk.Supervisor.BreachesAsync($"from=2026-11-06&to={Q(Sh(11, 7, 0, 45))}")).Count);

        await (await _desk.Supervisor.GetAsync("/api/sla/breaches?from=2026-11-7")).FieldError("from");
        await (await _desk.Supervisor.GetAsync("/api/sla/breaches?to=07/11/2026")).FieldError("to");
    }

    [Fact]
    public async Task TheTicketListFiltersByDaysOrTimesOfReceipt()
    {
        Assert.Equal(Numbers("B", "C"), await ListAsync("from=2026-11-07&to=2026-11-07"));
        Assert.Equal(Numbers("B", "C", "D"), await ListAsync("from=2026-11-07"));
        Assert.Equal(Numbers("A"), await ListAsync("to=2026-11-06"));
        Assert.Equal(Numbers("A", "B"), await ListAsync($"from={Q(Sh(11, 6, 23, 0))}&to={Q(Sh(11, 7, 0, 31))}"));
        Assert.Equal(Numbers("A"), await ListAsync($"from={Q(Sh(11, 6, 23, 0))}&to={Q(Sh(11, 7, 0, 30))}")); // to is exclusive
        // The same instants written in UTC.
        Assert.Equal(Numbers("C", "D"), await ListAsync("from=2026-11-07T15:00Z&to=2026-11-07T17:00Z"));

        await (await _desk.Supervisor.GetAsync("/api/tickets?from=yesterday")).FieldError("from");
        await (await _desk.Supervisor.GetAsync("/api/tickets?from=2026-11-09&to=2026-11-07")).FieldError("to");
    }

    [Fact]
    public async Task TheExportTakesTheSameDays()
    {
        var response = await _desk.Supervisor.GetAsync("/api/tickets/export?format=csv&from=2026-11-07&to=2026-11-07");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains(_numbers["B"], csv, StringComparison.Ordinal);
        Assert.Contains(_numbers["C"], csv, StringComparison.Ordinal);
        Assert.DoesNotContain(_numbers["A"], csv, StringComparison.Ordinal);
        Assert.DoesNotContain(_numbers["D"], csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsTakeDaysAndTimesWithOffset()
    {
        var saturday = await (await _desk.Supervisor.GetAsync("/api/reports/volume?from=2026-11-07&to=2026-11-07")).Json(HttpStatusCode.OK);
        Assert.Equal(2, saturday["tickets"]!.GetValue<int>()); // B and C

        // From Friday 23:30 to Sunday (all of it): B, C, D; the days covered are those the bounds fall on.
        var times = await (await _desk.Supervisor.GetAsync($"/api/reports/volume?from={Q(Sh(11, 6, 23, 30))}&to=2026-11-08"))
            .Json(HttpStatusCode.OK);
        Assert.Equal(3, times["tickets"]!.GetValue<int>());
        Assert.Equal(("2026-11-06", "2026-11-08"), (times.Str("from"), times.Str("to")));

        // The older SLA report took only times; it takes days too.
        var sla = await (await _desk.Supervisor.GetAsync("/api/reports/sla?from=2026-11-07&to=2026-11-07")).Json(HttpStatusCode.OK);
        Assert.Equal(2, sla["tickets"]!.GetValue<int>());
        Assert.Equal(Sh(11, 7, 0, 0), sla.Time("from"));
        Assert.Equal(Sh(11, 8, 0, 0), sla.Time("to"));
    }
}
