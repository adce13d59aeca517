using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// An action the ticket's status does not allow is 409 Conflict naming the current status (as
/// the problem's <c>status</c> extension and in its detail), and leaves the ticket as it was.
/// The actor always may do the action in principle (a supervisor), so only the status refuses it.
/// </summary>
public sealed class RefusedTransitionTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private static object? BodyOf(string action) => action switch
    {
        "triage" => new { priority = "P1", reason = "Whole team blocked" },
        "assign" => new { assignee = "eng1" },
        "worklog" => new { text = "Checked the logs", method = "remote" },
        "update" => new { message = "Still on it" },
        "comment" => new { message = "More details" },
        "pend" => new { reason = "vendor", note = "Waiting for a patch" },
        "resolve" => new { solution = "Restarted the service", verification = "remote" },
        "confirm" => new { resolved = true, comment = "Works" },
        "close" => new { cause = "Service hung", solution = "Restarted the service" },
        "reopen" or "cancel" => new { reason = "Because" },
        _ => null,
    };

    [Theory]
    [InlineData(Stage.New, "start", "new")]
    [InlineData(Stage.New, "resolve", "new")]
    [InlineData(Stage.New, "confirm", "new")]
    [InlineData(Stage.New, "close", "new")]
    [InlineData(Stage.New, "reopen", "new")]
    [InlineData(Stage.New, "pend", "new")]
    [InlineData(Stage.New, "resume", "new")]
    [InlineData(Stage.Assigned, "confirm", "assigned")]
    [InlineData(Stage.InProgress, "start", "inProgress")]
    [InlineData(Stage.InProgress, "confirm", "inProgress")]
    [InlineData(Stage.InProgress, "close", "inProgress")]
    [InlineData(Stage.InProgress, "resume", "inProgress")]
    [InlineData(Stage.InProgress, "reopen", "inProgress")]
    [InlineData(Stage.PendingOnVendor, "resolve", "pending")]
    [InlineData(Stage.PendingOnVendor, "pend", "pending")]
    [InlineData(Stage.PendingOnVendor, "start", "pending")]
    [InlineData(Stage.Resolved, "pend", "resolved")]
    [InlineData(Stage.Resolved, "resolve", "resolved")]
    [InlineData(Stage.Resolved, "triage", "resolved")]
    [InlineData(Stage.Resolved, "assign", "resolved")]
    [InlineData(Stage.Resolved, "cancel", "resolved")]
    [InlineData(Stage.Closed, "resolve", "closed")]
    [InlineData(Stage.Closed, "cancel", "closed")]
    [InlineData(Stage.Closed, "confirm", "closed")]
    [InlineData(Stage.Closed, "close", "closed")]
    [InlineData(Stage.Closed, "worklog", "closed")]
    [InlineData(Stage.Closed, "update", "closed")]
    [InlineData(Stage.Closed, "triage", "closed")]
    [InlineData(Stage.Cancelled, "start", "cancelled")]
    [InlineData(Stage.Cancelled, "assign", "cancelled")]
    [InlineData(Stage.Cancelled, "cancel", "cancelled")]
    [InlineData(Stage.Cancelled, "reopen", "cancelled")]
    [InlineData(Stage.Cancelled, "comment", "cancelled")]
    public async Task ARefusedTransitionIs409NamingTheCurrentStatus(Stage stage, string action, string status)
    {
        var number = await fixture.SharedTicketAsync(stage);
        var before = await _desk.StateAsync(number);
        Assert.Equal(status, before.Status);

        var response = await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/{action}", BodyOf(action) ?? new { });

        await response.Conflict(status, action);
        Assert.Equal(before, await _desk.StateAsync(number));
    }

    [Fact]
    public async Task AReporterConfirmingAnInProgressTicketHearsItsStatus()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        await (await _desk.Alice.Act(number, "confirm", new { resolved = true })).Conflict("inProgress", "confirm");
    }

    [Fact]
    public async Task AnEngineerStartingANewTicketHearsItsStatus()
    {
        var number = await _desk.TicketAtAsync(Stage.New);

        await (await _desk.Engineer.Act(number, "start")).Conflict("new", "start");
        Assert.Equal("new", (await _desk.GetTicketAsync(number)).Str("status"));
    }

    [Fact]
    public async Task AConfirmedResolutionCannotBeConfirmedTwice()
    {
        var number = await _desk.TicketAtAsync(Stage.Confirmed);
        var before = await _desk.StateAsync(number);

        var response = await _desk.Alice.Act(number, "confirm", new { resolved = false, comment = "changed my mind" });

        await response.Problem(HttpStatusCode.Conflict);
        Assert.Equal(before, await _desk.StateAsync(number));
    }

    [Fact]
    public async Task AttachingToACancelledTicketIs409()
    {
        var number = await _desk.TicketAtAsync(Stage.Cancelled);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("log line"), "file", "app.log");

        var response = await _desk.Supervisor.PostAsync($"/api/tickets/{number}/attachments", form);

        await response.Conflict("cancelled");
        Assert.Empty(await (await _desk.Supervisor.GetAsync($"/api/tickets/{number}/attachments")).JsonArray());
    }

    [Fact]
    public async Task AConflictProblemIsJsonWithOneStatusMember()
    {
        var number = await _desk.TicketAtAsync(Stage.New);

        var response = await _desk.Supervisor.Act(number, "start");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = problem.RootElement.EnumerateObject().Select(m => m.Name).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal(409, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(problem.RootElement.EnumerateObject(),
            m => m.Name != "detail" && m.Value.ValueKind == JsonValueKind.String && m.Value.GetString() == "new");
    }
}
