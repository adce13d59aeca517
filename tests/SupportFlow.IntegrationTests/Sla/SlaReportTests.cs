using System.Net;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Sla.SlaTestKit;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// <c>GET /api/reports/sla?from&amp;to</c> over a handful of tickets built for it on a desk of their own:
/// <list type="bullet">
/// <item>fast (P1): assigned after 5 min, resolved after 60 min: every target met;</item>
/// <item>late (P1): assigned after 20 min, never resolved: every target breached;</item>
/// <item>fresh (P2): received 5 min before the report, untouched: every target still open;</item>
/// <item>a cancelled P1 and a P1 received before the period: not counted.</item>
/// </list>
/// </summary>
public sealed class SlaReportTests(SlaReportFixture fixture) : IClassFixture<SlaReportFixture>
{
    private static readonly DateTimeOffset T0 = SupportFlowApp.Start;

    private readonly Desk _desk = fixture.Desk;

    private static void AssertAttainment(JsonNode? attainment, int met, int breached, int open)
    {
        Assert.NotNull(attainment);
        Assert.Equal(met, attainment["metOnTime"]!.GetValue<int>());
        Assert.Equal(breached, attainment["breached"]!.GetValue<int>());
        Assert.Equal(open, attainment["open"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheReportCountsMetBreachedAndOpenPerPriorityAndTargetAndTheMeanTimes()
    {
        var report = await (await _desk.Supervisor.GetAsync($"/api/reports/sla?from={Q(T0.AddHours(-1))}&to={Q(T0.AddHours(6))}"))
            .Json(HttpStatusCode.OK);

        Assert.Equal(T0.AddHours(-1), report.Time("from"));
        Assert.Equal(T0.AddHours(6), report.Time("to"));
        Assert.Equal(3, report["tickets"]!.GetValue<int>());
        var priorities = report["priorities"]!.AsArray();
        Assert.Equal(["P1", "P2"], priorities.Select(p => p.Str("priority")));

        var p1 = priorities[0]!;
        Assert.Equal(2, p1["tickets"]!.GetValue<int>());
        foreach (var target in new[] { "firstResponse", "assignment", "update", "resolution" })
        {
            AssertAttainment(p1[target], met: 1, breached: 1, open: 0);
            Assert.Equal(0.5, p1[target]!["attainment"]!.GetValue<double>());
        }

        var p2 = priorities[1]!;
        Assert.Equal(1, p2["tickets"]!.GetValue<int>());
        foreach (var target in new[] { "firstResponse", "assignment", "update", "resolution" })
        {
            AssertAttainment(p2[target], met: 0, breached: 0, open: 1);
            Assert.Null(p2[target]!["attainment"]);
        }

        Assert.Equal(12.5, report["meanMinutesToRespond"]!.GetValue<double>());
        Assert.Equal(12.5, report["meanMinutesToAssign"]!.GetValue<double>());
        Assert.Equal(60.0, report["meanMinutesToResolve"]!.GetValue<double>());
    }

    [Fact]
    public async Task APeriodHoldsTheTicketsReceivedInIt()
    {
        var before = await (await _desk.Supervisor.GetAsync($"/api/reports/sla?from={Q(T0.AddDays(-3))}&to={Q(T0)}"))
            .Json(HttpStatusCode.OK);
        Assert.Equal(1, before["tickets"]!.GetValue<int>());
        var p1 = Assert.Single(before["priorities"]!.AsArray());
        Assert.Equal("P1", p1.Str("priority"));
        AssertAttainment(p1!["resolution"], met: 0, breached: 1, open: 0);
        Assert.Null(before["meanMinutesToResolve"]);

        var empty = await (await _desk.Supervisor.GetAsync($"/api/reports/sla?from={Q(T0.AddDays(1))}&to={Q(T0.AddDays(2))}"))
            .Json(HttpStatusCode.OK);
        Assert.Equal(0, empty["tickets"]!.GetValue<int>());
        Assert.Empty(empty["priorities"]!.AsArray());
    }

    [Fact]
    public async Task TheReportIsForSupervisorsAndRefusesABadPeriod()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Engineer.GetAsync("/api/reports/sla")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync("/api/reports/sla")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _desk.Admin.GetAsync("/api/reports/sla")).StatusCode);
        await (await _desk.Supervisor.GetAsync("/api/reports/sla?from=last-week")).FieldError("from");
        await (await _desk.Supervisor.GetAsync($"/api/reports/sla?from={Q(T0)}&to={Q(T0.AddHours(-1))}")).FieldError("to");
    }
}

/// <summary>The tickets of <see cref="SlaReportTests"/>, built once; the tests only read the report.</summary>
public sealed class SlaReportFixture : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = SupportFlowApp.Start;

    private Desk _desk = null!;

    public Desk Desk => _desk;

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        await _desk.RecordCallAsync("P1", T0.AddDays(-2), "before the period");
        var fast = (await _desk.ReportNowAsync("P1", "fast")).Str("number");
        var late = (await _desk.ReportNowAsync("P1", "late")).Str("number");
        var cancelled = (await _desk.ReportNowAsync("P1", "cancelled")).Str("number");
        await TicketTestKit.Ok(_desk.Supervisor.Act(cancelled, "cancel", new { reason = "Duplicate" }));

        _desk.AdvanceTo(T0.AddMinutes(5));
        await TicketTestKit.Ok(_desk.Supervisor.Act(fast, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(fast, "start"));
        _desk.AdvanceTo(T0.AddMinutes(20));
        await TicketTestKit.Ok(_desk.Supervisor.Act(late, "assign", new { assignee = "eng1" }));
        _desk.AdvanceTo(T0.AddMinutes(60));
        await TicketTestKit.Ok(_desk.Engineer.Act(fast, "resolve", new { solution = "Replaced the cable" }));
        _desk.AdvanceTo(T0.AddMinutes(295));
        await _desk.ReportNowAsync("P2", "fresh");
        _desk.AdvanceTo(T0.AddMinutes(300));
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();
}
