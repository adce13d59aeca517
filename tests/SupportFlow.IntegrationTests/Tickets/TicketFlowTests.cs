using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>SPEC's flow end to end: intake, triage, assignment, work, resolution, confirmation, closure.</summary>
public sealed class TicketFlowTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task ATicketWalksFromIntakeToClosureAndEveryStepIsInItsHistory()
    {
        var created = await _desk.Alice.PostAsJsonAsync("/api/tickets", Desk.Report());
        var ticket = await created.Json(HttpStatusCode.Created);
        var number = ticket["number"]!.GetValue<string>();
        Assert.Equal("20260520-001", number);
        Assert.Equal($"/api/tickets/{number}", created.Headers.Location?.OriginalString);
        Assert.Equal("new", ticket["status"]!.GetValue<string>());
        Assert.Equal(Desk.SystemsTeam, ticket["team"]!.GetValue<string>());
        Assert.Equal("alice", ticket["reporter"]!["login"]!.GetValue<string>());
        Assert.Equal(Desk.SalesDepartment, ticket["reporter"]!["department"]!.GetValue<string>());
        Assert.Equal("2026-05-20T14:30:00+08:00", ticket["receivedAt"]!.GetValue<string>());

        var s = _desk.Supervisor;
        var e = _desk.Engineer;
        await (await s.Act(number, "triage", new { priority = "P1", reason = "Whole sales team blocked" })).Json(HttpStatusCode.OK);
        var assigned = await (await s.Act(number, "assign", new { assignee = "eng1", team = Desk.SystemsTeam })).Json(HttpStatusCode.OK);
        Assert.Equal("assigned", assigned["status"]!.GetValue<string>());
        Assert.Equal("eng1", assigned["assignee"]!["login"]!.GetValue<string>());

        await (await e.Act(number, "start")).Json(HttpStatusCode.OK);
        await (await e.Act(number, "worklog", new { text = "检查日志发现数据库连接超时", method = "remote" })).Json(HttpStatusCode.OK);
        await (await e.Act(number, "update", new { message = "Found a DB timeout; fixing, expect 1 hour." })).Json(HttpStatusCode.OK);
        await (await e.Act(number, "pend", new { reason = "reporter", note = "Need the exact error screen" })).Json(HttpStatusCode.OK);
        var resumed = await (await _desk.Alice.Act(number, "comment", new { message = "Screenshot: captcha wrong" })).Json(HttpStatusCode.OK);
        Assert.Equal("inProgress", resumed["status"]!.GetValue<string>());
        var resolved = await (await e.Act(number, "resolve", new
        {
            solution = "Rebuilt the session index", cause = "Index invalid", workaround = "Use the backup login page",
            verification = "remote", backup = "Config exported to ops share",
        })).Json(HttpStatusCode.OK);
        Assert.Equal("resolved", resolved["status"]!.GetValue<string>());

        var confirmed = await (await _desk.Alice.Act(number, "confirm", new { resolved = true, comment = "已测试,登录正常", rating = 5 }))
            .Json(HttpStatusCode.OK);
        Assert.Equal(5, confirmed["rating"]!.GetValue<int>());
        var closed = await (await e.Act(number, "close", new { cause = "Session index invalid", solution = "Index rebuilt" }))
            .Json(HttpStatusCode.OK);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.False(closed["closedWithoutConfirmation"]!.GetValue<bool>());

        var history = await (await s.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        var statuses = history.Where(h => h!["field"]?.GetValue<string>() == "status")
            .Select(h => h!["newValue"]!.GetValue<string>()).ToList();
        Assert.Equal(["assigned", "inProgress", "pending", "inProgress", "resolved", "closed"], statuses);
        var actions = history.Select(h => h!["action"]!.GetValue<string>()).Distinct().ToList();
        foreach (var action in new[] { "create", "triage", "assign", "start", "worklog", "update", "pend", "comment", "resolve", "confirm", "close" })
        {
            Assert.Contains(action, actions);
        }

        var priority = history.Single(h => h!["field"]?.GetValue<string>() == "priority");
        Assert.Equal(("P2", "P1", "sup1"), (priority!["oldValue"]!.GetValue<string>(), priority["newValue"]!.GetValue<string>(),
            priority["actor"]!["login"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ReporterSeesOnlyPublicHistoryLines()
    {
        var number = await _desk.ReportAsync();
        await _desk.Supervisor.Act(number, "assign", new { assignee = "eng1" });
        (await _desk.Engineer.Act(number, "worklog", new { text = "internal step", method = "onsite" })).EnsureSuccessStatusCode();

        var staff = await (await _desk.Engineer.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        var reporter = await (await _desk.Alice.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        Assert.Contains(staff, h => h!["action"]!.GetValue<string>() == "worklog" && h["method"]!.GetValue<string>() == "onsite");
        Assert.DoesNotContain(reporter, h => h!["action"]!.GetValue<string>() == "worklog");
        Assert.All(reporter, h => Assert.True(h!["public"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task AnEngineerRecordsAPhoneCallForSomeoneWithAPastReceivedAt()
    {
        var response = await _desk.Engineer.PostAsJsonAsync("/api/tickets", Desk.Report(b =>
        {
            b["channel"] = "phone";
            b["receivedAt"] = "2026-05-20T00:30+08:00";
            b["occurredAt"] = "2026-05-20T00:20+08:00";
            b["reporter"] = new JsonObject { ["name"] = "张三", ["department"] = "Warehouse", ["phone"] = "555-0101" };
        }));
        var ticket = await response.Json(HttpStatusCode.Created);

        // 00:30 in Shanghai is still the 19th in UTC: the number follows the organisation's day.
        Assert.StartsWith("20260520-", ticket["number"]!.GetValue<string>());
        Assert.Equal("张三", ticket["reporter"]!["name"]!.GetValue<string>());
        Assert.Null(ticket["reporter"]!["login"]);
        var history = await (await _desk.Engineer.GetAsync($"/api/tickets/{ticket["number"]}/history")).JsonArray();
        Assert.Equal("eng1", history[0]!["actor"]!["login"]!.GetValue<string>());
    }
}
