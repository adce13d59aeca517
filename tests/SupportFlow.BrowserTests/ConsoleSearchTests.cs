using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Tickets;
using SupportFlow.Server.Users;
using SupportFlow.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>
/// The console as a new engineer meets it (issue 21, item 3), at 1280 and at 390 wide: a search from "Mine" points
/// to the closed ticket it matches in "All tickets", tabs show counts, an unknown queue says so, the top bar's
/// "N new" badge leads to /new, which marks it seen, and a supervisor lands on "Awaiting triage".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleSearchTests(Browser browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASearchFromMineFindsTheClosedTicketAndTheBadgeLeadsToWhatIsNew(bool phone)
    {
        var suffix = phone ? "phone" : "wide";
        var login = "eng-search-" + suffix;
        var closed = await SeedAsync(login, "检索组 Search " + suffix, "卷帘 Roller blind " + suffix);

        var engineer = await browser.SignInAsync(login, phone: phone);
        await engineer.GotoAsync("/console");
        await Expect(engineer.Locator(".tabs a[data-queue=mine] .count")).ToHaveTextAsync("0");
        await engineer.Locator("#q").FillAsync("roller " + suffix);
        await engineer.Locator("form[role=search] button[type=submit]").ClickAsync();
        await Expect(engineer.Locator("#empty-queue")).ToBeVisibleAsync();
        await Expect(engineer.Locator(".tabs a[data-queue=mine] .count")).ToHaveTextAsync("0");
        await Expect(engineer.Locator(".tabs a[data-queue=done] .count")).ToHaveTextAsync("1");
        await Expect(engineer.Locator(".tabs a[data-queue=all] .count")).ToHaveTextAsync("1");
        await engineer.Locator("#search-elsewhere a").ClickAsync();
        await Expect(engineer.Locator(".tabs a[data-queue=all]")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(engineer.Locator($"#queue tr[data-number='{closed}']")).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(engineer);

        var refused = await engineer.GotoAsync("/console?queue=archive");
        Assert.Equal(400, refused!.Status);
        await Expect(engineer.Locator("#queue-error")).ToContainTextAsync("There is no queue \"archive\"");
        await Expect(engineer.Locator("#queue")).ToHaveCountAsync(0);

        // A new report in their team: the badge counts it, /new lists it and marks it seen.
        browser.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = await ReportAsync("检索组 Search " + suffix, "Scanner 扫描仪 offline " + suffix);
        await engineer.GotoAsync("/console");
        await Expect(engineer.Locator("#news-badge")).ToHaveTextAsync("1 new");
        await NoSidewaysScrollAsync(engineer);
        await engineer.Locator("#news-badge").ClickAsync();
        await Expect(engineer.Locator("h1")).ToHaveTextAsync("What is new");
        await Expect(engineer.Locator($"#news tr[data-number='{fresh}']")).ToContainTextAsync("New ticket from " + BrowserApp.AliceName);
        await NoSidewaysScrollAsync(engineer);
        await engineer.GotoAsync("/console");
        await Expect(engineer.Locator("#news-badge")).ToHaveCountAsync(0);
        await engineer.Context.CloseAsync();

        // Something waits in triage now (the fresh report): the supervisor lands there.
        var lead = await browser.SignInAsync("sup1", "zh-CN", phone);
        await lead.GotoAsync("/console");
        await Expect(lead.Locator(".tabs a[data-queue=triage]")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(lead.Locator(".tabs a[data-queue=all]")).ToContainTextAsync("全部工单");
        await lead.Context.CloseAsync();
    }

    internal static async Task NoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px");

    /// <summary>An engineer alone in a team of their own, with one closed ticket of alice's assigned to them.</summary>
    private async Task<string> SeedAsync(string login, string teamName, string title)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await users.CreateAsync(new UserRequest(login, "赵敏 " + login, "engineer", BrowserApp.ItDepartment, null, $"{login}@example.com", null,
            BrowserApp.Password), CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var team = new Team(teamName);
        team.Members.Add(await db.Users.SingleAsync(u => u.Login == login));
        db.Teams.Add(team);
        db.Modules.Add(new Module(teamName + " 模块", "system", team));
        await db.SaveChangesAsync();

        var number = await ReportAsync(teamName, title);
        var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();
        var engineer = await ActorAsync(db, login);
        await actions.AssignAsync(await ActorAsync(db, "sup1"), number, new AssignRequest(login, null, null), CancellationToken.None);
        await actions.StartAsync(engineer, number, CancellationToken.None);
        await actions.ResolveAsync(engineer, number, new ResolveRequest("Re-seated the motor", "Loose motor", null, "remote", null), CancellationToken.None);
        await actions.ConfirmAsync(await ActorAsync(db, "alice"), number, new ConfirmRequest(true, null, 5), CancellationToken.None);
        await actions.CloseAsync(engineer, number, new CloseRequest("Loose motor", "Re-seated the motor"), CancellationToken.None);
        return number;
    }

    private async Task<string> ReportAsync(string teamName, string title)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var reception = scope.ServiceProvider.GetRequiredService<TicketReception>();
        var ticket = await reception.ReceiveAsync(await ActorAsync(db, "alice"), new CreateTicketRequest(title, "Since this morning.",
            "2026-05-20T14:10+08:00", null, teamName + " 模块", "One person", "P3", "portal", null), CancellationToken.None);
        return ticket.Number;
    }

    internal static async Task<Actor> ActorAsync(SupportFlowDbContext db, string login) =>
        (await db.Users.Include(u => u.Teams).SingleAsync(u => u.Login == login)).ToActor();
}
