using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// The <c>sla</c> object of the ticket JSON: one entry per target, from the SPEC defaults, and how
/// each clock is met, restarted, resumed and recomputed. Only 24x7 targets are timed here, so the
/// tests share one desk and work relative to its clock.
/// </summary>
public sealed class TicketSlaClockTests(SlaDeskFixture fixture) : IClassFixture<SlaDeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Theory]
    [InlineData("P1", "15 min", "10 min", "2 h", "4 h")]
    [InlineData("P2", "24 h", "10 min", "4 h", "8 h")]
    [InlineData("P3", "24 h", "1 business day", null, "3 business days")]
    [InlineData("P4", "24 h", "1 business day", null, "5 business days")]
    public async Task EachPriorityRunsOnTheSpecDefaults(string priority, string firstResponse, string assignment, string? update,
        string resolution)
    {
        var ticket = await _desk.ReportNowAsync(priority);

        var sla = ticket["sla"]!.AsObject();
        Assert.Equal(firstResponse, ticket.Target("firstResponse").Str("target"));
        Assert.Equal(assignment, ticket.Target("assignment").Str("target"));
        Assert.Equal(resolution, ticket.Target("resolution").Str("target"));
        if (update is null)
        {
            Assert.True(sla.ContainsKey("update"), "sla.update should be present (null) for a priority without an update target");
            Assert.Null(sla["update"]);
        }
        else
        {
            Assert.Equal(update, ticket.Target("update").Str("target"));
        }

        foreach (var name in new[] { "firstResponse", "assignment", "resolution" })
        {
            var target = ticket.Target(name);
            Assert.Null(target["metAt"]);
            Assert.False(target.Flag("breached"));
            Assert.False(target.Flag("atRisk"));
            Assert.False(target.Flag("paused"));
            Assert.Equal(0, target["pausedMinutes"]!.GetValue<int>());
            Assert.True(ticket.DueAt(name) > ticket.ReceivedAt());
            Assert.True(target.Time("warnAt") < ticket.DueAt(name));
        }
    }

    [Theory]
    [InlineData("P1", 15, 10, 120, 240)]
    [InlineData("P2", 1440, 10, 240, 480)]
    public async Task WallClockTargetsFallDueThatManyMinutesAfterReceipt(string priority, int firstResponse, int assignment,
        int update, int resolution)
    {
        var ticket = await _desk.ReportNowAsync(priority);
        var received = ticket.ReceivedAt();

        Assert.Equal(received.AddMinutes(firstResponse), ticket.DueAt("firstResponse"));
        Assert.Equal(received.AddMinutes(assignment), ticket.DueAt("assignment"));
        Assert.Equal(received.AddMinutes(update), ticket.DueAt("update"));
        Assert.Equal(received.AddMinutes(resolution), ticket.DueAt("resolution"));
        Assert.Equal(received.AddMinutes(resolution * 4 / 5), ticket.Target("resolution").Time("warnAt"));
        Assert.Equal(received.AddMinutes(assignment), ticket["sla"].Time("nextDueAt"));
    }

    [Fact]
    public async Task TheAcknowledgementOnFirstAssignmentMeetsFirstResponseAndAssignment()
    {
        var ticket = await _desk.ReportNowAsync("P1");
        var number = ticket.Str("number");
        _desk.Advance(TimeSpan.FromMinutes(5));
        var assignedAt = _desk.Now();

        var assigned = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));

        Assert.Equal(assignedAt, assigned.Target("firstResponse").Time("metAt"));
        Assert.Equal(assignedAt, assigned.Target("assignment").Time("metAt"));
        Assert.False(assigned.Target("firstResponse").Flag("breached"));
        Assert.False(assigned.Target("assignment").Flag("breached"));
        Assert.Equal(assignedAt, assigned.Time("firstRespondedAt"));
        // The reporter sees the acknowledgement in the public history.
        var history = await (await _desk.Alice.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        var ack = Assert.Single(history, h => h!["note"]?.GetValue<string>() is { } note && note.StartsWith("Received; owner: ", StringComparison.Ordinal));
        Assert.Equal($"Received; owner: {Desk.EngineerName}; first feedback expected within 2 hours.", ack!["note"]!.GetValue<string>());
        Assert.True(ack["public"]!.GetValue<bool>());
        Assert.Equal(assignedAt, ack.Time("at"));

        // A reassignment is not a second acknowledgement and does not move the met times.
        _desk.Advance(TimeSpan.FromMinutes(5));
        var reassigned = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "sup1" }));
        Assert.Equal(assignedAt, reassigned.Target("firstResponse").Time("metAt"));
        Assert.Equal(assignedAt, reassigned.Target("assignment").Time("metAt"));
        Assert.Single(await _desk.HistoryAsync(number), h => h!["note"]?.GetValue<string>()?.StartsWith("Received; owner: ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ALateAssignmentMeetsTheTargetsButCountsAsBreached()
    {
        var ticket = await _desk.ReportNowAsync("P1");
        var number = ticket.Str("number");
        _desk.Advance(TimeSpan.FromMinutes(20));

        var assigned = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));

        Assert.NotNull(assigned.Target("assignment").Time("metAt"));
        Assert.True(assigned.Target("assignment").Flag("breached"));
        Assert.True(assigned.Target("firstResponse").Flag("breached"));
        Assert.False(assigned.Target("resolution").Flag("breached"));
    }

    [Fact]
    public async Task EachPublicUpdateRestartsTheUpdateClockAndAWorkNoteDoesNot()
    {
        var ticket = await _desk.ReportNowAsync("P1");
        var number = ticket.Str("number");
        var received = ticket.ReceivedAt();
        await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "start"));
        Assert.Equal(received.AddHours(2), (await _desk.TicketAsync(number)).DueAt("update"));

        _desk.Advance(TimeSpan.FromMinutes(30));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "worklog", new { text = "Checked the logs", method = "remote" }));
        Assert.Equal(received.AddHours(2), (await _desk.TicketAsync(number)).DueAt("update"));

        _desk.Advance(TimeSpan.FromMinutes(10));
        var first = _desk.Now();
        var updated = await TicketTestKit.Ok(_desk.Engineer.Act(number, "update", new { message = "We found the cause, fixing now" }));
        Assert.Equal(first.AddHours(2), updated.DueAt("update"));
        Assert.Null(updated.Target("update")["metAt"]);

        _desk.Advance(TimeSpan.FromMinutes(70));
        var second = _desk.Now();
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "update", new { message = "Fix deployed to staging" }));
        var again = await _desk.TicketAsync(number);
        Assert.Equal(second.AddHours(2), again.DueAt("update"));
        Assert.False(again.Target("update").Flag("breached"));
        Assert.Equal(received.AddHours(4), again.DueAt("resolution")); // updates do not touch the resolution clock
    }

    [Fact]
    public async Task ResolvingMeetsTheResolutionTargetAndStopsTheUpdateClock()
    {
        var ticket = await _desk.ReportNowAsync("P1");
        var number = ticket.Str("number");
        await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "start"));
        _desk.Advance(TimeSpan.FromMinutes(50));
        var resolvedAt = _desk.Now();

        var resolved = await TicketTestKit.Ok(_desk.Engineer.Act(number, "resolve", new { solution = "Cleared the session cache" }));

        Assert.Equal(resolvedAt, resolved.Target("resolution").Time("metAt"));
        Assert.False(resolved.Target("resolution").Flag("breached"));
        Assert.Equal(resolvedAt, resolved.Target("update").Time("metAt"));
        // Long after, nothing is breached: every clock has stopped.
        _desk.Advance(TimeSpan.FromHours(6));
        var later = await _desk.TicketAsync(number);
        Assert.False(later["sla"]!["breached"]!.GetValue<bool>());
        Assert.False(later.Target("update").Flag("breached"));
        Assert.Null(later["sla"]!["nextDueAt"]);
        Assert.DoesNotContain(number, await _desk.Supervisor.AllNumbersAsync("sla=breached"));
    }

    [Fact]
    public async Task AReopenedTicketResumesItsResolutionClockLessTheTimeItWasResolved()
    {
        var ticket = await _desk.ReportNowAsync("P2");
        var number = ticket.Str("number");
        var received = ticket.ReceivedAt();
        await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "start"));
        _desk.Advance(TimeSpan.FromHours(1));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "resolve", new { solution = "Reset the password policy" }));

        _desk.Advance(TimeSpan.FromHours(3));
        var reopened = await TicketTestKit.Ok(_desk.Alice.Act(number, "confirm", new { resolved = false, comment = "Still failing" }));

        Assert.Equal("inProgress", reopened.Str("status"));
        var resolution = reopened.Target("resolution");
        Assert.Null(resolution["metAt"]);
        Assert.False(resolution.Flag("breached"));
        Assert.Equal(received.AddHours(8 + 3), reopened.DueAt("resolution"));
        Assert.Equal(180, resolution["pausedMinutes"]!.GetValue<int>());
        Assert.Contains(number, await _desk.Supervisor.AllNumbersAsync("status=inProgress"));
    }

    [Fact]
    public async Task ReTriageFromP3ToP1RecomputesTheTargetsFromReceiptAndTheHistorySaysSo()
    {
        var ticket = await _desk.ReportNowAsync("P3");
        var number = ticket.Str("number");
        var received = ticket.ReceivedAt();
        _desk.Advance(TimeSpan.FromMinutes(5));

        var triaged = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "triage", new { priority = "P1", reason = "Whole team blocked" }));

        Assert.Equal("P1", triaged.Str("priority"));
        Assert.Equal("15 min", triaged.Target("firstResponse").Str("target"));
        Assert.Equal(received.AddMinutes(15), triaged.DueAt("firstResponse"));
        Assert.Equal(received.AddMinutes(10), triaged.DueAt("assignment"));
        Assert.Equal(received.AddHours(2), triaged.DueAt("update"));
        Assert.Equal(received.AddHours(4), triaged.DueAt("resolution"));

        var history = await _desk.HistoryAsync(number);
        var line = Assert.Single(history, h => h!["action"]!.GetValue<string>() == "triage" && h["field"]?.GetValue<string>() == "sla");
        var note = line!["note"]!.GetValue<string>();
        Assert.Contains("recomputed from receipt under P1", note, StringComparison.Ordinal);
        Assert.Contains("resolution 4 h", note, StringComparison.Ordinal);
        Assert.Contains(history, h => h!["action"]!.GetValue<string>() == "triage" && h["field"]?.GetValue<string>() == "priority"
                                      && h["oldValue"]?.GetValue<string>() == "P3" && h["newValue"]?.GetValue<string>() == "P1");
    }

    [Fact]
    public async Task ConfirmingTheSamePriorityDoesNotRecomputeTheTargets()
    {
        var ticket = await _desk.ReportNowAsync("P2");
        var number = ticket.Str("number");
        _desk.Advance(TimeSpan.FromMinutes(3));

        var triaged = await TicketTestKit.Ok(_desk.Supervisor.Act(number, "triage", new { priority = "P2", reason = "Graded as reported" }));

        Assert.Equal(ticket.DueAt("resolution"), triaged.DueAt("resolution"));
        Assert.DoesNotContain(await _desk.HistoryAsync(number), h => h!["field"]?.GetValue<string>() == "sla");
    }

    [Fact]
    public async Task AReporterSeesTheSlaOfTheirOwnTicket()
    {
        var ticket = await _desk.ReportNowAsync("P2");

        var own = await (await _desk.Alice.GetAsync($"/api/tickets/{ticket.Str("number")}")).Json(System.Net.HttpStatusCode.OK);

        Assert.Equal(ticket.DueAt("resolution"), own.DueAt("resolution"));
        Assert.IsType<JsonObject>(own["sla"]);
    }
}
