using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// Bad input in the body of each lifecycle action: 400 naming the field, and the ticket as it
/// was (same status, same history). Each case uses a ticket in a status where the action with a
/// good body would be allowed, by someone who may do it, so only the body is at fault.
/// </summary>
public sealed class ActionValidationTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private HttpClient Client(string who) => who switch
    {
        "supervisor" => _desk.Supervisor,
        "engineer" => _desk.Engineer,
        "alice" => _desk.Alice,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    [Theory]
    [InlineData(Stage.New, "supervisor", "triage", """{"priority":"P5","reason":"Looks bad"}""", "priority")]
    [InlineData(Stage.New, "supervisor", "triage", """{"priority":"P1"}""", "reason")]
    [InlineData(Stage.New, "supervisor", "triage", """{"priority":"P1","reason":"   "}""", "reason")]
    [InlineData(Stage.New, "supervisor", "triage", """{"reason":"Whole team blocked"}""", "priority")]
    [InlineData(Stage.New, "supervisor", "assign", """{"assignee":"nobody"}""", "assignee")]
    [InlineData(Stage.New, "supervisor", "assign", """{"assignee":"alice"}""", "assignee")]
    [InlineData(Stage.New, "supervisor", "assign", """{}""", "assignee")]
    [InlineData(Stage.New, "supervisor", "assign", """{"assignee":"eng1","team":"Networking"}""", "team")]
    [InlineData(Stage.New, "supervisor", "assign", $$"""{"assignee":"eng2","team":"{{Desk.SystemsTeam}}"}""", "assignee")]
    [InlineData(Stage.InProgress, "engineer", "worklog", """{"text":"Checked the logs","method":"fax"}""", "method")]
    [InlineData(Stage.InProgress, "engineer", "worklog", """{"method":"remote"}""", "text")]
    [InlineData(Stage.InProgress, "engineer", "worklog", """{"text":"Checked the logs"}""", "method")]
    [InlineData(Stage.InProgress, "engineer", "update", """{"message":""}""", "message")]
    [InlineData(Stage.InProgress, "engineer", "update", """{}""", "message")]
    [InlineData(Stage.InProgress, "engineer", "pend", """{"reason":"nobody"}""", "reason")]
    [InlineData(Stage.InProgress, "engineer", "pend", """{"note":"waiting"}""", "reason")]
    [InlineData(Stage.InProgress, "engineer", "resolve", """{"verification":"remote"}""", "solution")]
    [InlineData(Stage.InProgress, "engineer", "resolve", """{"solution":"Restarted","verification":"psychic"}""", "verification")]
    [InlineData(Stage.Resolved, "alice", "confirm", """{"comment":"ok"}""", "resolved")]
    [InlineData(Stage.Resolved, "alice", "confirm", """{"resolved":true,"rating":0}""", "rating")]
    [InlineData(Stage.Resolved, "alice", "confirm", """{"resolved":true,"rating":6}""", "rating")]
    [InlineData(Stage.Resolved, "alice", "confirm", """{"resolved":"yes"}""", "resolved")]
    [InlineData(Stage.Resolved, "alice", "confirm", """{"resolved":true,"rating":"five"}""", "rating")]
    [InlineData(Stage.Confirmed, "engineer", "close", """{"solution":"Restarted"}""", "cause")]
    [InlineData(Stage.Confirmed, "engineer", "close", """{"cause":"Hung service"}""", "solution")]
    [InlineData(Stage.New, "alice", "cancel", """{}""", "reason")]
    [InlineData(Stage.New, "supervisor", "cancel", """{"reason":""}""", "reason")]
    [InlineData(Stage.Closed, "alice", "reopen", """{}""", "reason")]
    [InlineData(Stage.Resolved, "engineer", "reopen", """{"reason":" "}""", "reason")]
    [InlineData(Stage.InProgress, "alice", "comment", """{"message":""}""", "message")]
    public async Task ABadActionBodyNamesTheFieldAndChangesNothing(Stage stage, string who, string action, string body, string field)
    {
        var number = await fixture.SharedTicketAsync(stage);
        var before = await _desk.StateAsync(number);

        await (await Client(who).PostRawJsonAsync($"/api/tickets/{number}/{action}", body)).FieldError(field);

        Assert.Equal(before, await _desk.StateAsync(number));
    }

    [Theory]
    [InlineData("triage", "reason", 1_001)]
    [InlineData("worklog", "text", 10_001)]
    [InlineData("cancel", "reason", 1_001)]
    public async Task ATooLongActionTextIsNamed(string action, string field, int length)
    {
        var number = await fixture.SharedTicketAsync(action == "worklog" ? Stage.InProgress : Stage.New);
        var before = await _desk.StateAsync(number);
        var body = new JsonObject { [field] = new string('x', length), ["priority"] = "P1", ["method"] = "remote" };

        await (await _desk.Supervisor.PostJsonAsync($"/api/tickets/{number}/{action}", body)).FieldError(field);

        Assert.Equal(before, await _desk.StateAsync(number));
    }

    [Theory]
    [InlineData("triage")]
    [InlineData("resolve")]
    [InlineData("confirm")]
    public async Task AMalformedActionBodyIsA400AndChangesNothing(string action)
    {
        var number = await fixture.SharedTicketAsync(action == "confirm" ? Stage.Resolved : Stage.InProgress);
        var before = await _desk.StateAsync(number);

        var response = await _desk.Supervisor.PostRawJsonAsync($"/api/tickets/{number}/{action}", "{\"priority\": ");
        var problem = await response.Problem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem["errors"]!.AsObject());
        Assert.Equal(before, await _desk.StateAsync(number));
    }

    [Fact]
    public async Task ADeactivatedEngineerCannotBeAssigned()
    {
        (await _desk.Admin.PostAsJsonAsync("/api/users", new { login = "eng9", name = "Gone", role = "engineer", teams = new[] { Desk.SystemsTeam } }))
            .EnsureSuccessStatusCode();
        (await _desk.Admin.DeleteAsync("/api/users/eng9")).EnsureSuccessStatusCode();
        var number = await fixture.SharedTicketAsync(Stage.New);
        var before = await _desk.StateAsync(number);

        await (await _desk.Supervisor.Act(number, "assign", new { assignee = "eng9" })).FieldError("assignee");

        Assert.Equal(before, await _desk.StateAsync(number));
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("triage")]
    public async Task AnActionThatNeedsABodyNamesTheMissingBody(string action)
    {
        var number = await fixture.SharedTicketAsync(Stage.New);
        var before = await _desk.StateAsync(number);

        await (await _desk.Supervisor.PostAsync($"/api/tickets/{number}/{action}", null)).FieldError("body");

        Assert.Equal(before, await _desk.StateAsync(number));
    }

    [Fact]
    public async Task AGoodBodyAfterABadOneIsAcceptedSoTheBadOneLeftNoTrace()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);
        await (await _desk.Engineer.Act(number, "resolve", new { solution = "Restarted", verification = "psychic" })).FieldError("verification");

        var resolved = await TicketTestKit.Ok(_desk.Engineer.Act(number, "resolve", new { solution = "Restarted", verification = "onsite" }));

        Assert.Equal("resolved", resolved.Str("status"));
        Assert.Equal("onsite", resolved.Str("verification"));
        var history = await _desk.HistoryAsync(number);
        Assert.DoesNotContain(history, h => h!["newValue"]?.GetValue<string>() == "psychic");
    }
}
