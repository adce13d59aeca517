using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// What each role is refused: 403 for an action the role may not do on a ticket it can see,
/// 404 for a ticket a reporter may not know of, 401 without a valid token. Each refusal leaves
/// the ticket as it was. Tickets are in a status where the action would otherwise be allowed.
/// </summary>
public sealed class RolePermissionTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private static object BodyOf(string action) => action switch
    {
        "triage" => new { priority = "P1", reason = "Whole team blocked" },
        "assign" => new { assignee = "eng1" },
        "worklog" => new { text = "Checked the logs", method = "remote" },
        "update" => new { message = "Still on it" },
        "comment" => new { message = "More details" },
        "pend" => new { reason = "vendor", note = "Waiting for a patch" },
        "resolve" => new { solution = "Restarted the service", verification = "remote" },
        "confirm" => new { resolved = true, comment = "Works", rating = 5 },
        "close" => new { cause = "Service hung", solution = "Restarted the service" },
        "reopen" or "cancel" => new { reason = "Because" },
        _ => new { },
    };

    private async Task RefusedAsync(HttpClient by, string number, string action, HttpStatusCode expected)
    {
        var before = await _desk.StateAsync(number);
        await (await by.PostAsJsonAsync($"/api/tickets/{number}/{action}", BodyOf(action))).Problem(expected);
        Assert.Equal(before, await _desk.StateAsync(number));
    }

    [Theory]
    [InlineData(Stage.New, "triage")]
    [InlineData(Stage.New, "assign")]
    [InlineData(Stage.Assigned, "start")]
    [InlineData(Stage.InProgress, "worklog")]
    [InlineData(Stage.InProgress, "update")]
    [InlineData(Stage.InProgress, "pend")]
    [InlineData(Stage.InProgress, "resolve")]
    [InlineData(Stage.PendingOnVendor, "resume")]
    [InlineData(Stage.Confirmed, "close")]
    public async Task AReporterMayNotWorkTheirOwnTicket(Stage stage, string action)
    {
        var number = await fixture.SharedTicketAsync(stage);

        await RefusedAsync(_desk.Alice, number, action, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AReporterMayStillCommentOnAndFollowTheirOwnTicket()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        await TicketTestKit.Ok(_desk.Alice.Act(number, "comment", new { message = "It also fails on my phone" }));
        await (await _desk.Alice.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        await (await _desk.Alice.GetAsync($"/api/tickets/{number}/history")).JsonArray();
    }

    [Theory]
    [InlineData("")]
    [InlineData("/history")]
    [InlineData("/attachments")]
    [InlineData("/attachments/{id}")]
    public async Task AnotherReportersTicketDoesNotExistForAReader(string path)
    {
        var number = await _desk.ReportAsync(_desk.Bob);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("bob's log"), "file", "bob.log");
        var attachment = await (await _desk.Bob.PostAsync($"/api/tickets/{number}/attachments", form)).Json(HttpStatusCode.Created);
        var url = $"/api/tickets/{number}{path.Replace("{id}", attachment["id"]!.ToJsonString(), StringComparison.Ordinal)}";
        var own = await _desk.Bob.GetAsync(url);
        Assert.True(own.IsSuccessStatusCode, $"bob on his own {url}: {(int)own.StatusCode}");

        var problem = await (await _desk.Alice.GetAsync(url)).Problem(HttpStatusCode.NotFound);

        Assert.DoesNotContain(Desk.BobName, problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Stage.Resolved, "confirm")]
    [InlineData(Stage.InProgress, "comment")]
    [InlineData(Stage.New, "cancel")]
    [InlineData(Stage.Closed, "reopen")]
    public async Task ActingOnAnotherReportersTicketIs404(Stage stage, string action)
    {
        var number = await fixture.SharedTicketAsync(stage, _desk.Bob);

        await RefusedAsync(_desk.Alice, number, action, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UploadingToAnotherReportersTicketIs404()
    {
        var number = await _desk.ReportAsync(_desk.Bob);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("my log"), "file", "app.log");

        await (await _desk.Alice.PostAsync($"/api/tickets/{number}/attachments", form)).Problem(HttpStatusCode.NotFound);
        Assert.Empty(await (await _desk.Bob.GetAsync($"/api/tickets/{number}/attachments")).JsonArray());
    }

    [Fact]
    public async Task AnUnknownTicketIs404ForStaffToo()
    {
        await (await _desk.Supervisor.GetAsync("/api/tickets/20260520-999")).Problem(HttpStatusCode.NotFound);
        await (await _desk.Supervisor.GetAsync("/api/tickets/not-a-number")).Problem(HttpStatusCode.NotFound);
        await (await _desk.Supervisor.Act("20260520-999", "start")).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Stage.InProgress, "worklog")]
    [InlineData(Stage.InProgress, "resolve")]
    [InlineData(Stage.InProgress, "update")]
    [InlineData(Stage.InProgress, "pend")]
    [InlineData(Stage.Assigned, "start")]
    [InlineData(Stage.Confirmed, "close")]
    public async Task AnEngineerOfAnotherTeamMayNotWorkTheTicket(Stage stage, string action)
    {
        var number = await fixture.SharedTicketAsync(stage);

        await RefusedAsync(_desk.OtherEngineer, number, action, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnEngineerOfAnotherTeamMayReadTheTicketAndItsHistory()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        var ticket = await (await _desk.OtherEngineer.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Equal(Desk.SystemsTeam, ticket.Str("team"));
        Assert.NotEmpty(await (await _desk.OtherEngineer.GetAsync($"/api/tickets/{number}/history")).JsonArray());
    }

    [Fact]
    public async Task AnEngineerOfAnotherTeamMayWorkTheTicketOnceItIsAssignedToThem()
    {
        var number = await _desk.TicketAtAsync(Stage.New);
        await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "eng2" }));

        await TicketTestKit.Ok(_desk.OtherEngineer.Act(number, "start"));
        await TicketTestKit.Ok(_desk.OtherEngineer.Act(number, "worklog", new { text = "On site", method = "onsite" }));
    }

    [Theory]
    [InlineData(Stage.New, "triage")]
    [InlineData(Stage.New, "assign")]
    [InlineData(Stage.InProgress, "assign")]
    [InlineData(Stage.New, "cancel")]
    [InlineData(Stage.InProgress, "cancel")]
    [InlineData(Stage.Resolved, "confirm")]
    public async Task AnEngineerOfTheResponsibleTeamMayNotDecideForTheSupervisorOrTheReporter(Stage stage, string action)
    {
        var number = await fixture.SharedTicketAsync(stage);

        await RefusedAsync(_desk.Engineer, number, action, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OnlyASupervisorClosesAResolvedTicketTheReporterHasNotConfirmed()
    {
        var number = await _desk.TicketAtAsync(Stage.Resolved);

        await RefusedAsync(_desk.Engineer, number, "close", HttpStatusCode.Conflict);

        var closed = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "close", new { cause = "Service hung", solution = "Restarted" }));
        Assert.Equal("closed", closed.Str("status"));
        Assert.True(closed["closedWithoutConfirmation"]!.GetValue<bool>());
        var history = await _desk.HistoryAsync(number);
        Assert.Contains(history, h => h!["field"]?.GetValue<string>() == "closedWithoutConfirmation"
            && h["newValue"]!.GetValue<string>() == "true" && h.Str("action") == "close");
    }

    [Fact]
    public async Task AnEngineerClosesAConfirmedTicketWithConfirmation()
    {
        var number = await _desk.TicketAtAsync(Stage.Confirmed);

        var closed = await TicketTestKit.Ok(_desk.Engineer.Act(number, "close", new { cause = "Service hung", solution = "Restarted" }));

        Assert.False(closed["closedWithoutConfirmation"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("engineer")]
    [InlineData("alice")]
    public async Task OnlyAnAdminCreatesUsers(string who)
    {
        var client = who switch { "supervisor" => _desk.Supervisor, "engineer" => _desk.Engineer, _ => _desk.Alice };
        var login = "mallory-" + who;

        var response = await client.PostAsJsonAsync("/api/users", new { login, name = "Mallory", role = "admin" });

        await response.Problem(HttpStatusCode.Forbidden);
        await (await _desk.Supervisor.GetAsync("/api/users")).Problem(HttpStatusCode.Forbidden);
        await (await _desk.Admin.GetAsync($"/api/users/{login}")).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/api/tickets")]
    [InlineData("POST", "/api/tickets")]
    [InlineData("GET", "/api/tickets/20260520-001")]
    [InlineData("POST", "/api/tickets/20260520-001/start")]
    [InlineData("GET", "/api/tickets/20260520-001/history")]
    public async Task WithoutATokenEveryTicketEndpointIs401(string method, string url)
    {
        using var anonymous = _desk.App.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(Desk.Report());
        }

        await (await anonymous.SendAsync(request)).Problem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Bearer sf_not-a-real-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic YWxpY2U6c2VjcmV0LXBhc3N3b3Jk")]
    public async Task ABadTokenIs401AndCreatesNothing(string header)
    {
        var before = await _desk.TicketCountAsync();
        using var client = _desk.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(header.Trim());

        await (await client.PostAsJsonAsync("/api/tickets", Desk.Report())).Problem(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/tickets")).Problem(HttpStatusCode.Unauthorized);
        Assert.Equal(before, await _desk.TicketCountAsync());
    }

    [Fact]
    public async Task ADeactivatedUsersTokenStopsWorking()
    {
        await (await _desk.Admin.PostAsJsonAsync("/api/users", new { login = "carol", name = "Carol", role = "reporter" }))
            .Json(HttpStatusCode.Created);
        var carol = await _desk.App.ClientForAsync("carol");
        await (await carol.GetAsync("/api/tickets")).Json(HttpStatusCode.OK);

        (await _desk.Admin.DeleteAsync("/api/users/carol")).EnsureSuccessStatusCode();

        await (await carol.GetAsync("/api/tickets")).Problem(HttpStatusCode.Unauthorized);
    }
}
