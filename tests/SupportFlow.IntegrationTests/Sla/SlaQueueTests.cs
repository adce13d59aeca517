using System.Net;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// The queues: <c>GET /api/tickets?sort=slaDue</c> (nearest due time first, tickets without one
/// last, keyset paging) and <c>sla=breached|atRisk</c>. The tests share a desk and each narrows the
/// list to its own tickets with a unique word in their titles.
/// </summary>
public sealed class SlaQueueTests(SlaDeskFixture fixture) : IClassFixture<SlaDeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private static string Word() => "q" + Guid.NewGuid().ToString("N")[..10];

    private async Task<string> ReportAsync(string priority, string word, string name) =>
        (await _desk.ReportNowAsync(priority, $"{word} {name}")).Str("number");

    [Fact]
    public async Task SortBySlaDueListsTheNearestDueTimeFirstAndTicketsWithoutOneLast()
    {
        var word = Word();
        var cancelled = await ReportAsync("P1", word, "cancelled: no due time");
        await TicketTestKit.Ok(_desk.Supervisor.Act(cancelled, "cancel", new { reason = "Duplicate" }));
        var p2Assigned = await ReportAsync("P2", word, "P2 assigned: update due in 4 h");
        await TicketTestKit.Ok(_desk.Supervisor.Act(p2Assigned, "assign", new { assignee = "eng1" }));
        var p1Assigned = await ReportAsync("P1", word, "P1 assigned: update due in 2 h");
        await TicketTestKit.Ok(_desk.Supervisor.Act(p1Assigned, "assign", new { assignee = "eng1" }));
        var first = await ReportAsync("P1", word, "P1 new: assignment due in 10 min");
        var second = await ReportAsync("P1", word, "P1 new too: the same due time");
        var resolved = await ReportAsync("P2", word, "resolved: every target met");
        await TicketTestKit.Ok(_desk.Supervisor.Act(resolved, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(resolved, "resolve", new { solution = "Done" }));
        var receivedFirst = await ReportAsync("P3", word, "P3 new: due tomorrow or later");

        var page = await (await _desk.Supervisor.GetAsync($"/api/tickets?sort=slaDue&text={word}")).Json(HttpStatusCode.OK);
        var items = page["items"]!.AsArray();
        string[] expected = [first, second, p1Assigned, p2Assigned, receivedFirst, cancelled, resolved];
        Assert.Equal(expected, items.Select(t => t.Str("number")));
        Assert.Null(page["nextCursor"]);
        var dues = items.Select(t => t!["sla"].Time("nextDueAt")).ToList();
        Assert.All(dues.Take(5), d => Assert.NotNull(d));
        Assert.Equal(dues.Take(5).OrderBy(d => d), dues.Take(5));
        Assert.Null(dues[6]); // resolved: every target met

        // The default order is unchanged: newest received first (all were received at the same moment: by id).
        Assert.Equal(expected.Order(StringComparer.Ordinal).Reverse(), await _desk.Supervisor.AllNumbersAsync($"text={word}"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task SortBySlaDuePagesWithTheCursorWithoutRepeatsOrGaps(int limit)
    {
        var word = Word();
        var numbers = new List<string>();
        foreach (var priority in new[] { "P4", "P1", "P2", "P1", "P3", "P2", "P1" })
        {
            numbers.Add(await ReportAsync(priority, word, priority));
        }

        await TicketTestKit.Ok(_desk.Supervisor.Act(numbers[0], "cancel", new { reason = "Withdrawn" }));

        var whole = await _desk.Supervisor.AllNumbersAsync($"sort=slaDue&text={word}", limit: 50);
        var paged = await _desk.Supervisor.AllNumbersAsync($"sort=slaDue&text={word}", limit);

        Assert.Equal(whole, paged);
        Assert.Equal(numbers.Count, paged.Distinct().Count());
        // The three P1s (10 min) then the P2s (10 min as well, received later: by id), then the P3 and, last, the cancelled P4.
        Assert.Equal([numbers[1], numbers[2], numbers[3], numbers[5], numbers[6]], paged.Take(5).Order(StringComparer.Ordinal));
        Assert.Equal(numbers[4], paged[5]);
        Assert.Equal(numbers[0], paged[6]);
    }

    [Fact]
    public async Task AtRiskListsATicketPast80PercentThatIsNotBreachedAndBreachedTakesItOver()
    {
        var word = Word();
        var ticket = await ReportAsync("P1", word, "unassigned P1"); // assignment due in 10 min, at risk from 8
        _desk.Advance(TimeSpan.FromMinutes(9));
        var fresh = await ReportAsync("P1", word, "just in");

        Assert.Equal([ticket], await _desk.Supervisor.AllNumbersAsync($"sla=atRisk&text={word}"));
        Assert.Empty(await _desk.Supervisor.AllNumbersAsync($"sla=breached&text={word}"));
        var atRisk = await _desk.TicketAsync(ticket);
        Assert.True(atRisk["sla"]!["atRisk"]!.GetValue<bool>());
        Assert.True(atRisk.Target("assignment").Flag("atRisk"));
        Assert.False(atRisk.Target("assignment").Flag("breached"));
        Assert.False((await _desk.TicketAsync(fresh))["sla"]!["atRisk"]!.GetValue<bool>());

        _desk.Advance(TimeSpan.FromMinutes(2));

        Assert.Empty(await _desk.Supervisor.AllNumbersAsync($"sla=atRisk&text={word}"));
        Assert.Equal([ticket], await _desk.Supervisor.AllNumbersAsync($"sla=breached&text={word}"));
        Assert.Equal([ticket], await _desk.Supervisor.AllNumbersAsync($"sla=breached&sort=slaDue&text={word}"));
        // Filters combine with the others.
        Assert.Empty(await _desk.Supervisor.AllNumbersAsync($"sla=breached&priority=P2&text={word}"));
        Assert.Equal([ticket], await _desk.Alice.AllNumbersAsync($"sla=breached&text={word}"));
        Assert.Empty(await _desk.Bob.AllNumbersAsync($"sla=breached&text={word}"));
    }

    [Theory]
    [InlineData("sort=dueDate", "sort")]
    [InlineData("sort=slaDue,receivedAt", "sort")]
    [InlineData("sla=late", "sla")]
    [InlineData("sla=breached,atRisk", "sla")]
    [InlineData("sort=slaDue&cursor=not-a-cursor", "cursor")]
    public async Task ABadSortOrSlaFilterIsRefusedNamingTheParameter(string query, string field)
    {
        await (await _desk.Supervisor.GetAsync("/api/tickets?" + query)).FieldError(field);
    }
}

/// <summary>A cancelled ticket is out of every queue; its clocks stop at the cancellation.</summary>
public sealed class CancelledTicketClockTests(SlaDeskFixture fixture) : IClassFixture<SlaDeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task ACancelledTicketIsNeitherBreachedNorAtRiskInTheQueues()
    {
        var word = "c" + Guid.NewGuid().ToString("N")[..10];
        var number = (await _desk.ReportNowAsync("P1", word)).Str("number");
        await TicketTestKit.Ok(_desk.Supervisor.Act(number, "cancel", new { reason = "Reported twice" }));

        _desk.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(await _desk.Supervisor.AllNumbersAsync($"sla=atRisk&text={word}"));
        _desk.Advance(TimeSpan.FromHours(5));
        await _desk.App.SweepAsync();

        Assert.Empty(await _desk.Supervisor.AllNumbersAsync($"sla=breached&text={word}"));
        Assert.DoesNotContain(await _desk.HistoryAsync(number), h => h!["action"]!.GetValue<string>() == "sla");
        Assert.Equal([number], await _desk.Supervisor.AllNumbersAsync($"sort=slaDue&text={word}"));
    }

    [Fact]
    public async Task ACancelledTicketsClocksStopAtTheCancellationInItsJson()
    {
        var number = (await _desk.ReportNowAsync("P1")).Str("number");
        await TicketTestKit.Ok(_desk.Supervisor.Act(number, "cancel", new { reason = "Reported twice" }));

        _desk.Advance(TimeSpan.FromHours(5));
        var ticket = await _desk.TicketAsync(number);

        Assert.Equal("cancelled", ticket.Str("status"));
        Assert.False(ticket["sla"]!["breached"]!.GetValue<bool>());
        Assert.False(ticket["sla"]!["atRisk"]!.GetValue<bool>());
        Assert.False(ticket.Target("resolution").Flag("breached"));
        Assert.False(ticket.Target("assignment").Flag("breached"));
    }
}
