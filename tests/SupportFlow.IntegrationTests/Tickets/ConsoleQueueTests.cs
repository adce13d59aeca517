using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Tickets;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// The console's queues as a browser reads them (issue 21, item 3): a search covers every ticket the person may
/// see with the tab as a filter, each tab shows how many it holds, an unknown queue is refused with a message,
/// and a supervisor lands on "Awaiting triage" when something waits there.
/// </summary>
public sealed partial class ConsoleQueueTests
{
    [Fact]
    public async Task ASearchFromMineCountsTheClosedTicketItMatchesAndAllTicketsListsIt()
    {
        await using var desk = await Desk.OpenAsync();
        var closed = await desk.ReportAsync(change: b => b["title"] = "Roller blind 卷帘 motor jammed");
        await desk.MoveAsync(closed, Stage.Closed, desk.Alice);
        var mine = await desk.TicketAtAsync(Stage.Assigned);
        await desk.ReportAsync(change: b => b["title"] = "Label printer 100% offline?");
        var engineer = await SignInAsync(desk, "eng1");

        var page = await PageAsync(engineer, "/console?q=roller", HttpStatusCode.OK);
        Assert.Equal("mine", CurrentTab(page));
        Assert.Equal("0", Count(page, "mine"));
        Assert.Equal("1", Count(page, "all"));
        Assert.Equal("1", Count(page, "done"));
        Assert.Equal("0", Count(page, "open"));
        Assert.Contains("id=\"search-elsewhere\"", page, StringComparison.Ordinal);
        Assert.Contains("/console?queue=all&amp;q=roller", page, StringComparison.Ordinal);

        page = await PageAsync(engineer, "/console?queue=all&q=roller", HttpStatusCode.OK);
        Assert.Equal([closed], Rows(page));

        // Without a search the tabs count the queues themselves; "All tickets" lists every status.
        page = await PageAsync(engineer, "/console", HttpStatusCode.OK);
        Assert.Equal([mine], Rows(page));
        Assert.Equal("1", Count(page, "mine"));
        Assert.Equal("3", Count(page, "all"));
        Assert.Equal("2", Count(page, "open"));
        Assert.Equal("1", Count(page, "triage"));
        page = await PageAsync(engineer, "/console?queue=all", HttpStatusCode.OK);
        Assert.Equal(3, Rows(page).Count);
        Assert.Contains(closed, Rows(page));

        // A filter narrows every tab's count alike.
        page = await PageAsync(engineer, "/console?queue=all&priority=P1", HttpStatusCode.OK);
        Assert.Equal("0", Count(page, "all"));
        Assert.Empty(Rows(page));
    }

    [Fact]
    public async Task ATabCountsNoFurtherThan999Plus()
    {
        await using var desk = await Desk.OpenAsync();
        // A thousand reports, received straight through the intake (setting up over HTTP would take minutes).
        await using (var scope = desk.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            var alice = (await db.Users.Include(u => u.Teams).SingleAsync(u => u.Login == "alice")).ToActor();
            var reception = scope.ServiceProvider.GetRequiredService<TicketReception>();
            for (var i = 0; i < 1000; i++)
            {
                await reception.ReceiveAsync(alice, new CreateTicketRequest($"打印机卡纸 #{i}", "Paper jam", "2026-05-20T14:10+08:00", null,
                    Desk.Printer, "一台打印机", "P4", "portal", null), CancellationToken.None, notify: false);
            }
        }

        await desk.ReportAsync(change: b => b["priority"] = "P1");
        var engineer = await SignInAsync(desk, "eng1");
        var page = await PageAsync(engineer, "/console?queue=all", HttpStatusCode.OK);
        Assert.Equal("999+", Count(page, "all"));
        Assert.Equal("999+", Count(page, "triage"));
        Assert.Equal("0", Count(page, "mine"));
        Assert.Equal("1", Count(await PageAsync(engineer, "/console?queue=all&priority=P1", HttpStatusCode.OK), "all"));
    }

    [Theory]
    [InlineData("en", "There is no queue \"archive\". The queues are: mine, team")]
    [InlineData("zh-CN", "没有名为“archive”的队列")]
    public async Task AnUnknownQueueIsRefusedWithAMessageNotShownAsAnEmptyQueue(string language, string message)
    {
        await using var desk = await Desk.OpenAsync();
        await desk.ReportAsync();
        var engineer = await SignInAsync(desk, "eng1", language);

        var page = await PageAsync(engineer, "/console?queue=archive", HttpStatusCode.BadRequest);
        Assert.Contains(message, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("id=\"queue-error\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"queue\"", page, StringComparison.Ordinal);

        var export = await engineer.GetAsync("/console?handler=export&format=csv&queue=Mine");
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Equal("text/html", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ASupervisorLandsOnAwaitingTriageOnlyWhenSomethingWaitsThere()
    {
        await using var desk = await Desk.OpenAsync();
        var supervisor = await SignInAsync(desk, "sup1");
        var engineer = await SignInAsync(desk, "eng1");
        Assert.Equal("mine", CurrentTab(await PageAsync(supervisor, "/console", HttpStatusCode.OK)));

        var number = await desk.ReportAsync();
        var page = await PageAsync(supervisor, "/console", HttpStatusCode.OK);
        Assert.Equal("triage", CurrentTab(page));
        Assert.Equal([number], Rows(page));
        // A chosen tab stays chosen, and an engineer is not sent to triage.
        Assert.Equal("mine", CurrentTab(await PageAsync(supervisor, "/console?queue=mine", HttpStatusCode.OK)));
        Assert.Equal("mine", CurrentTab(await PageAsync(engineer, "/console", HttpStatusCode.OK)));

        await desk.MoveAsync(number, Stage.Assigned, desk.Alice);
        Assert.Equal("mine", CurrentTab(await PageAsync(supervisor, "/console", HttpStatusCode.OK)));
    }

    /// <summary>Desk users have no password; one is set through the API so they can sign in to the pages.</summary>
    internal static async Task<HttpClient> SignInAsync(Desk desk, string login, string language = "en")
    {
        (await desk.Admin.PutAsJsonAsync("/api/users/" + login, new { password = WebSignIn.Password })).EnsureSuccessStatusCode();
        return await desk.App.SignInAsync(login, language);
    }

    internal static async Task<string> PageAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: expected {(int)expected}, got {(int)response.StatusCode}");
        return html;
    }

    private static string CurrentTab(string page) => TabPattern().Matches(page)
        .Single(m => m.Groups["current"].Value == "page").Groups["queue"].Value;

    private static string Count(string page, string queue) => WebUtility.HtmlDecode(TabPattern().Matches(page)
        .Single(m => m.Groups["queue"].Value == queue).Groups["count"].Value);

    private static List<string> Rows(string page) => [.. RowPattern().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""data-queue="(?<queue>[^"]+)" aria-current="(?<current>[^"]+)">[^<]*<span class="count">(?<count>[^<]*)</span>""")]
    private static partial Regex TabPattern();

    [GeneratedRegex("""<tr data-number="([^"]+)">""")]
    private static partial Regex RowPattern();
}
