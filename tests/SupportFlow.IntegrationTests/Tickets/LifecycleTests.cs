using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Tickets;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>The side paths of SPEC's lifecycle over HTTP: rejection, confirmation for the reporter, pending, reopening, cancelling.</summary>
public sealed class LifecycleTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private static IEnumerable<JsonNode> Changes(JsonArray history, string field) =>
        history.Where(h => h!["field"]?.GetValue<string>() == field).Select(h => h!);

    [Fact]
    public async Task ARejectedResolutionReopensTheTicketToInProgressAndCountsTheReopen()
    {
        var number = await _desk.TicketAtAsync(Stage.Resolved);

        var rejected = await TicketTestKit.Ok(_desk.Alice.Act(number, "confirm", new { resolved = false, comment = "还是登不上" }));

        Assert.Equal("inProgress", rejected.Str("status"));
        Assert.Equal(1, rejected["reopenCount"]!.GetValue<int>());
        Assert.Null(rejected["resolvedAt"]);
        Assert.Equal("eng1", rejected["assignee"].Str("login"));

        await TicketTestKit.Ok(_desk.Engineer.Act(number, "resolve", new { solution = "Cleared the cache too" }));
        var again = await TicketTestKit.Ok(_desk.Alice.Act(number, "confirm", new { resolved = false, comment = "Still broken" }));
        Assert.Equal(2, again["reopenCount"]!.GetValue<int>());

        var history = await _desk.HistoryAsync(number);
        Assert.Equal(["1", "2"], Changes(history, "reopenCount").Select(h => h.Str("newValue")));
        var confirmations = Changes(history, "confirmation").ToList();
        Assert.Equal(["notResolved", "notResolved"], confirmations.Select(h => h.Str("newValue")));
        Assert.Equal("还是登不上", confirmations[0].Str("note"));
        Assert.All(confirmations, h => Assert.False(h["onBehalfOfReporter"]!.GetValue<bool>()));
        Assert.Equal(["assigned", "inProgress", "resolved", "inProgress", "resolved", "inProgress"],
            Changes(history, "status").Select(h => h.Str("newValue")));
    }

    [Fact]
    public async Task AReporterConfirmsAndRatesTheResolution()
    {
        var number = await _desk.TicketAtAsync(Stage.Resolved);

        var confirmed = await TicketTestKit.Ok(_desk.Alice.Act(number, "confirm", new { resolved = true, comment = "可以了", rating = 5 }));

        Assert.Equal("resolved", confirmed.Str("status"));
        Assert.Equal(5, confirmed["rating"]!.GetValue<int>());
        Assert.True(confirmed["confirmation"]!["resolved"]!.GetValue<bool>());
        Assert.False(confirmed["confirmation"]!["onBehalfOfReporter"]!.GetValue<bool>());
        Assert.Equal(0, confirmed["reopenCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ASupervisorConfirmingForTheReporterIsRecordedAsOnBehalf()
    {
        var number = await _desk.TicketAtAsync(Stage.Resolved);

        var confirmed = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "confirm",
            new { resolved = true, comment = "Alice confirmed by phone", rating = 4 }));

        Assert.True(confirmed["confirmation"]!["onBehalfOfReporter"]!.GetValue<bool>());
        var history = await _desk.HistoryAsync(number);
        var line = Assert.Single(Changes(history, "confirmation"));
        Assert.Equal(("sup1", "resolved", true), (line["actor"].Str("login"), line.Str("newValue"), line["onBehalfOfReporter"]!.GetValue<bool>()));
        var rating = Assert.Single(Changes(history, "rating"));
        Assert.True(rating["onBehalfOfReporter"]!.GetValue<bool>());

        // The reporter sees it too, marked the same way.
        var seen = await (await _desk.Alice.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        Assert.Contains(seen, h => h!["field"]?.GetValue<string>() == "confirmation" && h["onBehalfOfReporter"]!.GetValue<bool>());

        var closed = await TicketTestKit.Ok(_desk.Engineer.Act(number, "close", new { cause = "Hung", solution = "Restarted" }));
        Assert.False(closed["closedWithoutConfirmation"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AReporterCommentDoesNotResumeATicketPendingOnAVendor()
    {
        var number = await _desk.TicketAtAsync(Stage.PendingOnVendor);

        var commented = await TicketTestKit.Ok(_desk.Alice.Act(number, "comment", new { message = "Any news?" }));

        Assert.Equal("pending", commented.Str("status"));
        Assert.Equal("vendor", commented["pending"].Str("reason"));
        Assert.Equal("Waiting for the vendor's patch", commented["pending"].Str("note"));

        var resumed = await TicketTestKit.Ok(_desk.Engineer.Act(number, "resume"));
        Assert.Equal("inProgress", resumed.Str("status"));
        Assert.Null(resumed["pending"]);
    }

    [Fact]
    public async Task AReporterCommentResumesATicketPendingOnThemButAStaffCommentDoesNot()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "pend", new { reason = "reporter", note = "Need a screenshot" }));

        var staff = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "comment", new { message = "Reminder sent" }));
        Assert.Equal("pending", staff.Str("status"));

        var answered = await TicketTestKit.Ok(_desk.Alice.Act(number, "comment", new { message = "Screenshot attached" }));
        Assert.Equal("inProgress", answered.Str("status"));
        Assert.Null(answered["pending"]);
    }

    [Fact]
    public async Task ResumingReturnsToTheStatusBeforePending()
    {
        var number = await _desk.TicketAtAsync(Stage.Assigned);
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "pend", new { reason = "vendor" }));

        var resumed = await TicketTestKit.Ok(_desk.Engineer.Act(number, "resume"));

        Assert.Equal("assigned", resumed.Str("status"));
    }

    [Fact]
    public async Task AClosedTicketCanBeReopenedWithAReason()
    {
        var number = await _desk.TicketAtAsync(Stage.Closed);

        var reopened = await TicketTestKit.Ok(_desk.Alice.Act(number, "reopen", new { reason = "坏了又坏" }));

        Assert.Equal("inProgress", reopened.Str("status"));
        Assert.Equal(1, reopened["reopenCount"]!.GetValue<int>());
        Assert.Null(reopened["closedAt"]);
        Assert.False(reopened["closedWithoutConfirmation"]!.GetValue<bool>());
        var history = await _desk.HistoryAsync(number);
        var reopen = history.First(h => h.Str("action") == "reopen")!;
        Assert.Equal(("alice", "坏了又坏"), (reopen["actor"].Str("login"), reopen.Str("note")));
        Assert.Equal("inProgress", Changes(history, "status").Last().Str("newValue"));

        // Back at work: it can be resolved and closed again.
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "resolve", new { solution = "Replaced the part" }));
        await TicketTestKit.Ok(_desk.Alice.Act(number, "confirm", new { resolved = true }));
        var closed = await TicketTestKit.Ok(_desk.Engineer.Act(number, "close", new { cause = "Worn part", solution = "Replaced" }));
        Assert.Equal("closed", closed.Str("status"));
    }

    [Fact]
    public async Task AReporterWithdrawsTheirTicketWithAReason()
    {
        var number = await _desk.TicketAtAsync(Stage.New);

        var cancelled = await TicketTestKit.Ok(_desk.Alice.Act(number, "cancel", new { reason = "Found it myself: caps lock" }));

        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Equal("Found it myself: caps lock", cancelled.Str("cancelReason"));
        var line = Assert.Single(Changes(await _desk.HistoryAsync(number), "cancelReason"));
        Assert.Equal("alice", line["actor"].Str("login"));
    }

    [Fact]
    public async Task ASupervisorCancelsATicketInProgressAsADuplicate()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        var cancelled = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "cancel", new { reason = "Duplicate of 20260520-001" }));

        Assert.Equal("cancelled", cancelled.Str("status"));
        var status = Changes(await _desk.HistoryAsync(number), "status").Last();
        Assert.Equal(("inProgress", "cancelled", "sup1"), (status.Str("oldValue"), status.Str("newValue"), status["actor"].Str("login")));
        Assert.Equal("cancelled", (await (await _desk.Alice.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK)).Str("status"));
    }

    [Fact]
    public async Task AReassignmentIsRecordedWithOldAndNewOwner()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        var reassigned = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "sup1", reason = "eng1 is on leave" }));

        Assert.Equal(("sup1", "assigned"), (reassigned["assignee"].Str("login"), reassigned.Str("status")));
        var line = Changes(await _desk.HistoryAsync(number), "assignee").Last();
        Assert.Equal(("eng1", "sup1", "eng1 is on leave"), (line.Str("oldValue"), line.Str("newValue"), line.Str("note")));
    }

    [Fact]
    public async Task TheBackupAndWorkNotesStayInternal()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "worklog", new { text = "Found the admin password in the config", method = "remote" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "resolve",
            new { solution = "Rebuilt the index", backup = "Snapshot db-2026-05-20 on \\\\ops\\share", verification = "remote" }));

        var staff = await _desk.GetTicketAsync(number);
        var reporter = await (await _desk.Alice.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.StartsWith("Snapshot", staff.Str("backup"), StringComparison.Ordinal);
        Assert.Null(reporter["backup"]);
        Assert.Equal("Rebuilt the index", reporter.Str("solution"));

        var seen = (await (await _desk.Alice.GetAsync($"/api/tickets/{number}/history")).JsonArray()).ToJsonString();
        Assert.DoesNotContain("Snapshot", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("admin password", seen, StringComparison.Ordinal);
        var listed = (await (await _desk.Alice.GetAsync("/api/tickets?status=resolved")).Json(HttpStatusCode.OK)).ToJsonString();
        Assert.DoesNotContain("Snapshot", listed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("login", "alice")]
    [InlineData("email", "alice@example.com")]
    public async Task APhoneCallRecordedForAnAccountHolderIsTheirsToFollowAndConfirm(string key, string value)
    {
        var response = await _desk.Engineer.PostJsonAsync("/api/tickets", Desk.Report(b =>
        {
            b["channel"] = "phone";
            b["reporter"] = new JsonObject { ["name"] = Desk.AliceName, [key] = value };
        }));
        var number = (await response.Json(HttpStatusCode.Created)).Str("number");

        Assert.Contains(number, await _desk.Alice.AllNumbersAsync(""));
        Assert.DoesNotContain(number, await _desk.Bob.AllNumbersAsync(""));
        var created = (await _desk.HistoryAsync(number))[0]!;
        Assert.Equal("eng1", created["actor"].Str("login"));
        await _desk.MoveAsync(number, Stage.Resolved, _desk.Alice);
        var confirmed = await TicketTestKit.Ok(_desk.Alice.Act(number, "confirm", new { resolved = true }));
        Assert.False(confirmed["confirmation"]!["onBehalfOfReporter"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ConcurrentNotesOnOneTicketAreEachEitherKeptOrRefusedNeverLost()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);
        var before = (await _desk.HistoryAsync(number)).Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => (i % 3 == 0 ? _desk.Supervisor : _desk.Engineer)
            .Act(number, "worklog", new { text = $"Parallel step {i}", method = "remote" })));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var kept = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(kept >= 1);
        var history = await _desk.HistoryAsync(number);
        Assert.Equal(before + kept, history.Count);
        Assert.Equal(kept, history.Count(h => h.Str("action") == "worklog"));
    }

    [Fact]
    public async Task ConcurrentReassignmentsOfOneTicketAreEachAppliedOrRefusedNeverAServerError()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        // Each save but the first loses the race and is applied again to the fresh ticket, with the
        // same engineer: a retry must not take the already-loaded engineer for a new user.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _desk.Supervisor
            .Act(number, "assign", new { assignee = i % 2 == 0 ? "sup1" : "eng1", reason = $"Rebalancing {i}" })));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var ticket = await TicketTestKit.Ok(_desk.Supervisor.GetAsync($"/api/tickets/{number}"));
        Assert.Contains(ticket["assignee"].Str("login"), new[] { "sup1", "eng1" });
    }

    [Fact]
    public async Task AnAssignmentThatLosesARaceIsAppliedAgainWithTheEngineerResolvedBeforeIt()
    {
        // Found on PostgreSQL: the SLA sweep recorded a breach on the ticket while a supervisor
        // assigned it. The retry attached the engineer loaded before the first attempt (with their
        // teams) beside the freshly loaded ticket's team, and the assignment failed with a 500.
        var number = await _desk.TicketAtAsync(Stage.New);
        await using var scope = _desk.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var supervisor = await db.Users.Include(u => u.Teams).SingleAsync(u => u.Login == "sup1");
        var engineer = await db.Users.Include(u => u.Teams).SingleAsync(u => u.Login == "eng1");
        var actor = new Actor(supervisor.Id, supervisor.Login, supervisor.Name, supervisor.Role,
            supervisor.Teams.Select(t => t.Id).ToHashSet());
        var attempts = 0;

        await scope.ServiceProvider.GetRequiredService<TicketWork>().DoAsync(actor, number, TicketAction.Assign, (ticket, at) =>
        {
            if (++attempts == 1)
            {
                using var other = _desk.App.Services.CreateScope();
                other.ServiceProvider.GetRequiredService<SupportFlowDbContext>().Tickets.Where(t => t.Number == number)
                    .ExecuteUpdate(s => s.SetProperty(t => t.Version, t => t.Version + 1));
            }

            ticket.Assign(actor, at, engineer, ticket.Team ?? engineer.Teams[0], "Another writer saved first");
        }, CancellationToken.None);

        Assert.Equal(2, attempts);
        var history = await _desk.HistoryAsync(number);
        var assignment = Assert.Single(Changes(history, "assignee"));
        Assert.Equal("Another writer saved first", assignment.Str("note"));
        Assert.Equal("sup1", assignment["actor"].Str("login"));
        Assert.Equal("eng1", (await TicketTestKit.Ok(_desk.Supervisor.GetAsync($"/api/tickets/{number}")))["assignee"].Str("login"));
    }
}
