using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.Server.Tickets;
using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>
/// Forms that repeated or misled (issue 21, item 5), at 1280 and at 390 wide: Close starts from the resolve, Assign
/// offers staff only, the admin's user editor spans the page and refuses a department nobody added, field messages
/// name the label, and the English top menu stays on one line at 1280.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormsThatMisleadTests(Browser browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CloseStartsFromTheResolveAndAssignOffersStaffOnly(bool phone)
    {
        var number = await ConfirmedTicketAsync("投影仪闪烁 Projector flickers " + (phone ? "phone" : "wide"));
        var engineer = await browser.SignInAsync("eng1", phone: phone);
        await engineer.GotoAsync($"/tickets/{number}");
        await Expect(engineer.Locator("#close-cause")).ToHaveValueAsync("HDMI 线松动 / loose cable");
        await Expect(engineer.Locator("#close-solution")).ToHaveValueAsync("重新插好 HDMI 线 / re-seated the cable");
        await Expect(engineer.Locator("#close-files")).ToHaveAttributeAsync("type", "file");
        await engineer.Locator("#close-files").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
        {
            Name = "投影仪 日志.log", MimeType = "text/plain", Buffer = "flicker at 60Hz\n"u8.ToArray(),
        });
        await engineer.Locator("#close button[type=submit]").ClickAsync();
        await Expect(engineer.Locator("#ticket-status .badge")).ToHaveTextAsync("Closed");
        await Expect(engineer.Locator("#files-title + ul")).ToContainTextAsync("投影仪 日志.log");
        await engineer.Context.CloseAsync();

        var lead = await browser.SignInAsync("sup1", phone: phone);
        await lead.GotoAsync($"/tickets/{await ConfirmedTicketAsync("Assign me " + (phone ? "phone" : "wide"), confirm: false)}");
        await Expect(lead.Locator("#assign-assignee option[value=eng1]")).ToHaveCountAsync(1);
        await Expect(lead.Locator("#assign-assignee option[value=admin]")).ToHaveCountAsync(1);
        await Expect(lead.Locator("#assign-assignee option[value=alice]")).ToHaveCountAsync(0);
        await Expect(lead.Locator("#assign-assignee option[value=bob]")).ToHaveCountAsync(0);
        await lead.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheUserEditorSpansThePageAndRefusesADepartmentNobodyAdded(bool phone)
    {
        var admin = await browser.SignInAsync("admin", phone: phone);
        await admin.GotoAsync("/admin/users");
        await admin.Locator("#users tr[data-login=bob] a.button").ClickAsync();
        var editor = admin.Locator("#edit-user");
        await Expect(editor).ToBeVisibleAsync();
        var main = (await admin.Locator("main").BoundingBoxAsync())!;
        Assert.True((await editor.BoundingBoxAsync())!.Width > main.Width * 0.85, "the editor spans the page");
        await ConsoleSearchTests.NoSidewaysScrollAsync(admin);

        await admin.Locator("#update-bob-department").FillAsync("财务部门");
        await admin.Locator("#edit-user button[type=submit]").First.ClickAsync();
        await Expect(admin.Locator("#edit-user [data-field=department]")).ToContainTextAsync("There is no department \"财务部门\"");
        await Expect(admin.Locator("#update-bob-department")).ToHaveValueAsync("财务部门");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task TheEnglishTopMenuFitsOneLineAt1280()
    {
        // With the "N new" badge too: a report awaits triage.
        browser.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await ConfirmedTicketAsync("Menu check 菜单", confirm: false);
        var admin = await browser.SignInAsync("admin");
        await admin.GotoAsync("/admin/users");
        await Expect(admin.Locator("#news-badge")).ToBeVisibleAsync();
        var tops = await admin.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('.topbar > *, .mainnav a, .tools > *')].filter(e => e.offsetParent).map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))");
        var widths = await admin.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('.brand, .mainnav, .mainnav a, .tools, .tools > *')].map(e => (e.className || e.tagName) + ':' + Math.round(e.getBoundingClientRect().width)).join(' ')");
        Assert.True(tops.Max() - tops.Min() <= 4, $"the top bar wraps: centres at {string.Join(", ", tops)}; widths {widths}");
        await admin.Context.CloseAsync();
    }

    /// <summary>A ticket of alice's on the printer, resolved by eng1 with a cause and confirmed by alice (or just new).</summary>
    private async Task<string> ConfirmedTicketAsync(string title, bool confirm = true)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var reception = scope.ServiceProvider.GetRequiredService<TicketReception>();
        var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();
        var alice = await ConsoleSearchTests.ActorAsync(db, "alice");
        var ticket = await reception.ReceiveAsync(alice, new CreateTicketRequest(title, "三楼会议室", "2026-05-20T14:10+08:00", null,
            BrowserApp.Printer, "会议无法进行", "P3", "portal", null), CancellationToken.None);
        if (!confirm)
        {
            return ticket.Number;
        }

        var engineer = await ConsoleSearchTests.ActorAsync(db, "eng1");
        await actions.AssignAsync(await ConsoleSearchTests.ActorAsync(db, "sup1"), ticket.Number, new AssignRequest("eng1", null, null),
            CancellationToken.None);
        await actions.StartAsync(engineer, ticket.Number, CancellationToken.None);
        await actions.ResolveAsync(engineer, ticket.Number, new ResolveRequest("重新插好 HDMI 线 / re-seated the cable", "HDMI 线松动 / loose cable",
            null, "onsite", null), CancellationToken.None);
        await actions.ConfirmAsync(alice, ticket.Number, new ConfirmRequest(true, null, 5), CancellationToken.None);
        return ticket.Number;
    }
}
