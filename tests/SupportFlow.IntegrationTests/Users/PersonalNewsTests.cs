using System.Net;
using System.Text.RegularExpressions;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Users;

/// <summary>
/// The top bar's "N new" badge and the /new page (issue 21, item 3): new tickets in the person's queues,
/// assignments to them and replies on their tickets since they last looked; opening /new marks them seen.
/// Nobody hears of their own actions, and a reporter never of a work note.
/// </summary>
public sealed partial class PersonalNewsTests
{
    [Fact]
    public async Task TheBadgeCountsWhatIsNewForEachPersonAndOpeningNewMarksItSeen()
    {
        await using var desk = await Desk.OpenAsync();
        var engineer = await ConsoleQueueTests.SignInAsync(desk, "eng1");
        var supervisor = await ConsoleQueueTests.SignInAsync(desk, "sup1");
        var alice = await ConsoleQueueTests.SignInAsync(desk, "alice", "zh-CN");
        var bob = await ConsoleQueueTests.SignInAsync(desk, "bob");
        var otherEngineer = await ConsoleQueueTests.SignInAsync(desk, "eng2");
        Assert.Null(await BadgeAsync(engineer));

        desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var number = await desk.ReportAsync();
        Assert.Equal("1 new", await BadgeAsync(engineer)); // a new ticket of 系统组
        Assert.Equal("1 new", await BadgeAsync(supervisor));
        Assert.Null(await BadgeAsync(otherEngineer)); // not their team's
        Assert.Null(await BadgeAsync(alice)); // their own report

        var page = await ConsoleQueueTests.PageAsync(engineer, "/new", HttpStatusCode.OK);
        Assert.Equal([(number, "NewTicket")], Items(page));
        Assert.Contains("New ticket from " + Desk.AliceName, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Null(await BadgeAsync(engineer));
        Assert.Empty(Items(await ConsoleQueueTests.PageAsync(engineer, "/new", HttpStatusCode.OK)));

        desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Ok(desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        await Ok(desk.Engineer.Act(number, "update", new { message = "Looking at the captcha service now." }));
        await Ok(desk.Engineer.Act(number, "worklog", new { text = "Internal: restarted captcha pod", method = "remote" }));
        Assert.Equal("1 new", await BadgeAsync(engineer)); // the assignment; not their own update
        Assert.Equal("1 条新动态", await BadgeAsync(alice)); // the update, not the work note

        desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Ok(desk.Alice.Act(number, "comment", new { message = "还是不行 / still failing" }));
        Assert.Equal("2 new", await BadgeAsync(engineer));
        page = await ConsoleQueueTests.PageAsync(engineer, "/new", HttpStatusCode.OK);
        Assert.Equal([(number, "Reply"), (number, "AssignedToYou")], Items(page));
        Assert.Contains(Desk.SupervisorName + " assigned it to you", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Null(await BadgeAsync(engineer));

        page = await ConsoleQueueTests.PageAsync(alice, "/new", HttpStatusCode.OK);
        Assert.Equal([(number, "Reply")], Items(page));
        Assert.Contains(Desk.EngineerName + " 的回复", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Null(await BadgeAsync(alice));
        Assert.Null(await BadgeAsync(bob)); // another reporter's ticket
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The badge's text on a page, or null when the top bar shows none.</summary>
    private static async Task<string?> BadgeAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/faq");
        var badge = BadgePattern().Match(page);
        return badge.Success ? WebUtility.HtmlDecode(badge.Groups[1].Value) : null;
    }

    private static List<(string Number, string Kind)> Items(string page) =>
        [.. ItemPattern().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    [GeneratedRegex("""id="news-badge"[^>]*>([^<]+)</a>""")]
    private static partial Regex BadgePattern();

    [GeneratedRegex("""<tr data-number="([^"]+)" data-kind="([^"]+)">""")]
    private static partial Regex ItemPattern();
}
