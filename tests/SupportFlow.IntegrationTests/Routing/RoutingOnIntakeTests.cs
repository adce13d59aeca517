using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Notifications;

namespace SupportFlow.IntegrationTests.Routing;

/// <summary>SPEC step 2: a new ticket reaches its team at once, and the team's assignment mode picks a person.</summary>
public sealed class RoutingOnIntakeTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private Task<string> ReportAsync(string module = "ERP V5", string priority = "P2") =>
        _desk.ReportAsync(change: b =>
        {
            b["module"] = module;
            b["priority"] = priority;
        });

    private async Task<JsonObject> TicketAsync(string number) =>
        await (await _desk.Admin.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);

    private async Task<JsonArray> HistoryAsync(string number) =>
        await (await _desk.Admin.GetAsync($"/api/tickets/{number}/history")).JsonArray();

    [Fact]
    public async Task ARoundRobinTeamAssignsEachNewTicketToTheNextMemberAndSaysWhy()
    {
        await _desk.RoundRobinTeamAsync();

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await ReportAsync());
        }

        var owners = new List<string>();
        foreach (var number in numbers)
        {
            var ticket = await TicketAsync(number);
            Assert.Equal(("assigned", "Desk"), (ticket["status"]!.GetValue<string>(), ticket["team"]!.GetValue<string>()));
            owners.Add(ticket["assignee"]!["login"]!.GetValue<string>());
        }

        Assert.Equal(["li", "wang", "li"], owners);
        var history = await HistoryAsync(numbers[1]);
        var assignment = history.Single(e => e!["field"]?.GetValue<string>() == "assignee");
        Assert.Equal("system", assignment!["actor"]!["login"]!.GetValue<string>());
        Assert.Contains("round robin", assignment["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(history, e => e!["note"]?.GetValue<string>().StartsWith("Received; owner: 王工", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task LeastLoadedSkipsAnUnavailableMemberAndBreaksATieByLogin()
    {
        await _desk.RoundRobinTeamAsync("leastLoaded");

        var first = await ReportAsync();   // li 0, wang 0: tie, li by login order
        var second = await ReportAsync();  // li 1, wang 0: wang
        (await _desk.Admin.PutAsJsonAsync("/api/users/li", new { available = false })).EnsureSuccessStatusCode();
        var third = await ReportAsync();   // li away: wang, although wang has more open

        Assert.Equal("li", (await TicketAsync(first))["assignee"]!["login"]!.GetValue<string>());
        Assert.Equal("wang", (await TicketAsync(second))["assignee"]!["login"]!.GetValue<string>());
        Assert.Equal("wang", (await TicketAsync(third))["assignee"]!["login"]!.GetValue<string>());
        var note = (await HistoryAsync(first)).Single(e => e!["field"]?.GetValue<string>() == "assignee")!["note"]!.GetValue<string>();
        Assert.Contains("tie among 2 broken by login order", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenNobodyIsAvailableTheTicketWaitsInTheTeamQueue()
    {
        await _desk.RoundRobinTeamAsync();
        foreach (var login in new[] { "li", "wang" })
        {
            (await _desk.Admin.PutAsJsonAsync($"/api/users/{login}", new { available = false })).EnsureSuccessStatusCode();
        }

        var ticket = await TicketAsync(await ReportAsync());

        Assert.Equal(("new", "Desk"), (ticket["status"]!.GetValue<string>(), ticket["team"]!.GetValue<string>()));
        Assert.Null(ticket["assignee"]);
    }

    [Fact]
    public async Task ASupervisorOverridesAnAutomaticAssignmentAndTheHistoryNamesBoth()
    {
        await _desk.RoundRobinTeamAsync();
        var number = await ReportAsync();

        var reassigned = await (await _desk.Supervisor.Act(number, "assign", new { assignee = "wang" })).Json(HttpStatusCode.OK);

        Assert.Equal("wang", reassigned["assignee"]!["login"]!.GetValue<string>());
        var lines = (await HistoryAsync(number)).Where(e => e!["field"]?.GetValue<string>() == "assignee").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(("li", "wang", $"Reassigned from li by {Desk.SupervisorName}"),
            (lines[1]!["oldValue"]!.GetValue<string>(), lines[1]!["newValue"]!.GetValue<string>(), lines[1]!["note"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AModuleWithoutATeamGoesToItsCategorysDefaultTeam()
    {
        await (await _desk.Admin.PutAsJsonAsync("/api/routing/categories/hardware", new { team = Desk.HardwareTeam })).Json(HttpStatusCode.OK);
        await (await _desk.Admin.PostAsJsonAsync("/api/modules", new { name = "Badge reader 2F", category = "hardware" }))
            .Json(HttpStatusCode.Created);

        var number = await ReportAsync("Badge reader 2F", "P3");

        Assert.Equal(Desk.HardwareTeam, (await TicketAsync(number))["team"]!.GetValue<string>());
        var line = (await HistoryAsync(number)).Single(e => e!["field"]?.GetValue<string>() == "team");
        Assert.Contains("Default team of category 'hardware'", line!["note"]!.GetValue<string>(), StringComparison.Ordinal);
        var routes = await (await _desk.Admin.GetAsync("/api/routing/categories")).JsonArray();
        Assert.Equal(Desk.HardwareTeam, routes.Single(r => r!["category"]!.GetValue<string>() == "hardware")!["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithNoTeamAnywhereTheTicketWaitsInTheServiceDeskQueueForTriage()
    {
        await (await _desk.Admin.PostAsJsonAsync("/api/modules", new { name = "Coffee machine", category = "facilities" }))
            .Json(HttpStatusCode.Created);

        var number = await ReportAsync("Coffee machine", "P4");
        var ticket = await TicketAsync(number);

        Assert.Equal("new", ticket["status"]!.GetValue<string>());
        Assert.Null(ticket["team"]);
        var line = (await HistoryAsync(number)).Single(e => e!["field"]?.GetValue<string>() == "team");
        Assert.Contains("Service desk queue", line!["note"]!.GetValue<string>(), StringComparison.Ordinal);

        // A supervisor dispatches it; an engineer in one team brings that team along.
        var assigned = await (await _desk.Supervisor.Act(number, "assign", new { assignee = "eng2" })).Json(HttpStatusCode.OK);
        Assert.Equal(Desk.HardwareTeam, assigned["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATeamKeepsItsChatGroupButNeverShowsTheSecret()
    {
        var created = await (await _desk.Admin.PostAsJsonAsync("/api/teams", new
        {
            name = "Network",
            members = new[] { "eng2" },
            assignmentMode = "leastLoaded",
            chat = new { kind = "dingtalk", url = "https://oapi.dingtalk.com/robot/send?access_token=abc", secret = "SECxyz" },
        })).Json(HttpStatusCode.Created);

        Assert.Equal("leastLoaded", created["assignmentMode"]!.GetValue<string>());
        Assert.Equal(("dingtalk", true), (created["chat"]!["kind"]!.GetValue<string>(), created["chat"]!["hasSecret"]!.GetValue<bool>()));
        Assert.DoesNotContain("SECxyz", created.ToJsonString(), StringComparison.Ordinal);

        var changed = await (await _desk.Admin.PutAsJsonAsync("/api/teams/Network", new { chat = new { kind = "dingtalk", url = "https://oapi.dingtalk.com/robot/send?access_token=def" } }))
            .Json(HttpStatusCode.OK);
        Assert.True(changed["chat"]!["hasSecret"]!.GetValue<bool>()); // an omitted secret is kept
        var removed = await (await _desk.Admin.PutAsJsonAsync("/api/teams/Network", new { chat = new { url = "" } })).Json(HttpStatusCode.OK);
        Assert.Null(removed["chat"]);
    }

    [Theory]
    [InlineData("""{"name":"T1","chat":{"kind":"icq","url":"https://example.com/hook"}}""", "chat.kind")]
    [InlineData("""{"name":"T2","chat":{"kind":"slack","url":"not a url"}}""", "chat.url")]
    [InlineData("""{"name":"T3","chat":{"kind":"slack","url":"ftp://example.com/hook"}}""", "chat.url")]
    [InlineData("""{"name":"T4","chat":{"kind":"slack"}}""", "chat.url")]
    [InlineData("""{"name":"T5","assignmentMode":"random"}""", "assignmentMode")]
    public async Task ABadChatGroupOrModeIsRefusedFieldByFieldAndChangesNothing(string body, string field)
    {
        var response = await _desk.Admin.PostAsync("/api/teams", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.FieldError(field);
        var teams = await (await _desk.Admin.GetAsync("/api/teams")).JsonArray();
        Assert.Equal(2, teams.Count);
    }

    [Fact]
    public async Task UsersChooseTheirLanguageAndChannelAndBadValuesAreRefused()
    {
        var user = await (await _desk.Admin.PutAsJsonAsync("/api/users/eng1", new { language = "zh-cn", notifyBy = "both" })).Json(HttpStatusCode.OK);
        Assert.Equal(("zh-CN", "both"), (user["language"]!.GetValue<string>(), user["notifyBy"]!.GetValue<string>()));

        await (await _desk.Admin.PutAsJsonAsync("/api/users/eng1", new { language = "fr" })).FieldError("language");
        await (await _desk.Admin.PutAsJsonAsync("/api/users/eng1", new { notifyBy = "pigeon" })).FieldError("notifyBy");
    }
}
