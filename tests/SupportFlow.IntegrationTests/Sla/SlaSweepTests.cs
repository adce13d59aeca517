using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Sla.SlaTestKit;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// The background SLA job: warnings at 80%, breaches at the due time and escalation levels after
/// it, each recorded once in the ticket's history and the breach log, also across a restart.
/// Each test has its own desk: they move the clock by hours and change the escalation levels.
/// </summary>
public sealed class SlaSweepTests
{
    private static readonly DateTimeOffset T0 = SupportFlowApp.Start;

    [Fact]
    public async Task TheSweepRecordsAWarningThenABreachEachOnceAlsoAfterARestart()
    {
        var desk = await Desk.OpenAsync();
        var dataDirectory = desk.App.DataDirectory;
        var clock = desk.App.Clock;
        string number;
        try
        {
            // P2: resolution 8 h (warning at 6 h 24 min); first response and assignment met at once.
            number = (await desk.ReportNowAsync("P2", "Invoices print blank")).Str("number");
            await TicketTestKit.Ok(desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));

            desk.AdvanceTo(T0 + TimeSpan.FromMinutes(380)); // 6 h 20 min: not yet 80%
            await desk.App.SweepAsync();
            Assert.Empty((await desk.HistoryAsync(number)).SlaLines("resolution", "warning"));
            Assert.False((await desk.TicketAsync(number)).Target("resolution").Flag("atRisk"));

            desk.AdvanceTo(T0 + TimeSpan.FromMinutes(390));
            await desk.App.SweepAsync();
            await desk.App.SweepAsync();
            var history = await desk.HistoryAsync(number);
            var warning = Assert.Single(history.SlaLines("resolution", "warning"));
            Assert.Equal("system", warning["actor"]!["login"]!.GetValue<string>());
            Assert.False(warning["public"]!.GetValue<bool>());
            Assert.Contains("80%", warning["note"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Empty(history.SlaLines("resolution", "breach"));
            Assert.True((await desk.TicketAsync(number)).Target("resolution").Flag("atRisk"));
            // The update clock (4 h from receipt, nothing public posted) was found already breached:
            // its breach is recorded once, and no late warning before it.
            Assert.Single(history.SlaLines("update", "breach"));
            Assert.Empty(history.SlaLines("update", "warning"));
            // Met targets raise nothing.
            Assert.Empty(history.SlaLines("firstResponse", "warning"));
            Assert.Empty(history.SlaLines("assignment", "breach"));

            desk.AdvanceTo(T0 + TimeSpan.FromMinutes(481)); // 8 h 1 min
            await desk.App.SweepAsync();
            Assert.Equal(0, await desk.App.SweepAsync());
            history = await desk.HistoryAsync(number);
            Assert.Single(history.SlaLines("resolution", "warning"));
            var breach = Assert.Single(history.SlaLines("resolution", "breach"));
            Assert.Equal(T0 + TimeSpan.FromMinutes(481), breach.Time("at"));

            var rows = await desk.Supervisor.BreachesAsync($"level=breach&from={Q(T0)}&to={Q(T0.AddDays(1))}");
            var row = Assert.Single(rows.Rows(number, "resolution", "breach"));
            Assert.Equal("P2", row.Str("priority"));
            Assert.Equal("Invoices print blank", row.Str("title"));
            Assert.Equal("eng1", row.Str("assignee"));
            Assert.Equal(Desk.SystemsTeam, row.Str("team"));
            Assert.Equal(T0.AddHours(8), row.Time("dueAt"));
            Assert.Equal(T0 + TimeSpan.FromMinutes(481), row.Time("recordedAt"));
        }
        finally
        {
            await desk.DisposeAsync();
        }

        // A new server on the same data: the events are remembered, not recorded again.
        using var app = new SupportFlowApp(dataDirectory, clock);
        await app.SweepAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        await app.SweepAsync();
        var supervisor = await app.ClientForAsync("sup1");
        var after = await (await supervisor.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        Assert.Single(after.SlaLines("resolution", "warning"));
        Assert.Single(after.SlaLines("resolution", "breach"));
        Assert.Single(after.SlaLines("update", "breach"));
        var all = await supervisor.BreachesAsync($"level=all&from={Q(T0)}&to={Q(T0.AddDays(1))}");
        Assert.Single(all.Rows(number, "resolution", "warning"));
        Assert.Single(all.Rows(number, "resolution", "breach"));
        Assert.Single(all.Rows(number, "update", "breach"));
    }

    [Fact]
    public async Task TheBreachLogFiltersByPeriodAndLevel()
    {
        await using var desk = await Desk.OpenAsync();
        // P1 left unassigned: assignment warns at 8 min and is due at 10; first response warns at 12 and is due at 15.
        var number = (await desk.ReportNowAsync("P1")).Str("number");
        desk.AdvanceTo(T0 + TimeSpan.FromMinutes(9));
        await desk.App.SweepAsync(); // assignment warning
        desk.AdvanceTo(T0 + TimeSpan.FromMinutes(13));
        await desk.App.SweepAsync(); // assignment breach, first-response warning
        desk.AdvanceTo(T0 + TimeSpan.FromMinutes(20));
        await desk.App.SweepAsync(); // first-response breach
        desk.Advance(TimeSpan.FromMinutes(1));

        var early = await desk.Supervisor.BreachesAsync($"level=warning&from={Q(T0)}&to={Q(T0.AddMinutes(10))}");
        var assignmentWarning = Assert.Single(early.Rows(number, "assignment", "warning"));
        Assert.Equal(T0.AddMinutes(9), assignmentWarning.Time("recordedAt"));
        Assert.Equal(T0.AddMinutes(10), assignmentWarning.Time("dueAt"));
        Assert.Empty(early.Rows(number, "firstResponse", "warning"));

        var late = await desk.Supervisor.BreachesAsync($"level=warning&from={Q(T0.AddMinutes(10))}&to={Q(T0.AddMinutes(30))}");
        var firstResponseWarning = Assert.Single(late.Rows(number, "firstResponse", "warning"));
        Assert.Equal(T0.AddMinutes(13), firstResponseWarning.Time("recordedAt"));
        Assert.Empty(late.Rows(number, "assignment", "warning"));
        Assert.DoesNotContain(late, r => r!["level"]!.GetValue<string>() != "warning");

        // Breaches (the default level) over the default period, the last week up to now.
        var breaches = await desk.Supervisor.BreachesAsync("");
        Assert.Equal(T0.AddMinutes(13), Assert.Single(breaches.Rows(number, "assignment", "breach")).Time("recordedAt"));
        Assert.Equal(T0.AddMinutes(20), Assert.Single(breaches.Rows(number, "firstResponse", "breach")).Time("recordedAt"));
        Assert.DoesNotContain(breaches, r => r!["level"]!.GetValue<string>() == "warning");
        Assert.Equal(breaches.ToJsonString(), (await desk.Supervisor.BreachesAsync("level=breach")).ToJsonString());

        var all = await desk.Supervisor.BreachesAsync($"level=all&from={Q(T0)}&to={Q(T0.AddHours(1))}");
        Assert.Equal(4, all.Count(r => r!["number"]!.GetValue<string>() == number));
        // Newest first.
        var recorded = all.Select(r => r.Time("recordedAt")!.Value).ToList();
        Assert.Equal(recorded.OrderByDescending(t => t), recorded);

        // "to" is exclusive: nothing was recorded in [10 min, 13 min); nor before the ticket existed.
        Assert.DoesNotContain(await desk.Supervisor.BreachesAsync($"level=all&from={Q(T0.AddMinutes(10))}&to={Q(T0.AddMinutes(13))}"),
            r => r!["number"]!.GetValue<string>() == number);
        Assert.Single((await desk.Supervisor.BreachesAsync($"level=all&from={Q(T0.AddMinutes(10))}&to={Q(T0.AddMinutes(14))}"))
            .Rows(number, "firstResponse", "warning"));
        Assert.Empty(await desk.Supervisor.BreachesAsync($"level=all&from={Q(T0.AddDays(-2))}&to={Q(T0)}"));
    }

    [Fact]
    public async Task AnEscalationLevelIsRecordedTwoHoursAfterTheBreachAndNotBefore()
    {
        await using var desk = await Desk.OpenAsync();
        var levels = new[] { new { name = "head", afterBreachMinutes = 120, notify = "supervisors" } };
        var put = await (await desk.Admin.PutAsJsonAsync("/api/sla/escalations", levels)).Content.ReadFromJsonAsync<JsonArray>();
        Assert.Equal("head", put![0].Str("name"));
        var listed = await (await desk.Supervisor.GetAsync("/api/sla/escalations")).JsonArray();
        var level = Assert.Single(listed);
        Assert.Equal(120, level!["afterBreachMinutes"]!.GetValue<int>());
        Assert.Equal("supervisors", level.Str("notify"));

        // P1 resolution is due 4 h after receipt (18:30); the escalation falls due at 20:30.
        var number = (await desk.ReportNowAsync("P1")).Str("number");
        await TicketTestKit.Ok(desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        desk.AdvanceTo(T0 + TimeSpan.FromMinutes(241));
        await desk.App.SweepAsync();
        Assert.Single((await desk.HistoryAsync(number)).SlaLines("resolution", "breach"));

        desk.AdvanceTo(T0 + TimeSpan.FromMinutes(359));
        await desk.App.SweepAsync();
        Assert.Empty((await desk.HistoryAsync(number)).SlaLines("resolution", "escalation:head"));

        desk.AdvanceTo(T0 + TimeSpan.FromMinutes(361));
        await desk.App.SweepAsync();
        await desk.App.SweepAsync();
        var escalation = Assert.Single((await desk.HistoryAsync(number)).SlaLines("resolution", "escalation:head"));
        Assert.Contains("head", escalation["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(T0 + TimeSpan.FromMinutes(361), escalation.Time("at"));

        var window = $"from={Q(T0)}&to={Q(T0.AddDays(1))}";
        var row = Assert.Single((await desk.Supervisor.BreachesAsync("level=breach&" + window)).Rows(number, "resolution", "escalation:head"));
        Assert.Equal(T0.AddHours(4), row.Time("dueAt"));
        Assert.Empty((await desk.Supervisor.BreachesAsync("level=warning&" + window)).Rows(number, "resolution", "escalation:head"));
    }

    [Fact]
    public async Task AResolvedTicketRaisesNothingMore()
    {
        await using var desk = await Desk.OpenAsync();
        var number = (await desk.ReportNowAsync("P1")).Str("number");
        await TicketTestKit.Ok(desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(desk.Engineer.Act(number, "resolve", new { solution = "Rebooted the switch" }));

        desk.Advance(TimeSpan.FromHours(10));
        await desk.App.SweepAsync();

        Assert.DoesNotContain(await desk.HistoryAsync(number), h => h!["action"]!.GetValue<string>() == "sla");
    }
}
