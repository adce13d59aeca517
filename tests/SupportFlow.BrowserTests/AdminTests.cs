using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>An administrator sets the desk up in the pages: people, teams, modules, SLA targets.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminTests(Browser browser)
{
    [Fact]
    public async Task AnAdminAddsAReporterWhoCanThenSignInAndReportOnTheNewModule()
    {
        var admin = await browser.SignInAsync("admin");
        await admin.GotoAsync("/admin/users");
        await admin.Locator("#create-login").FillAsync("carol");
        await admin.Locator("#create-name").FillAsync("Carol Lin");
        await admin.Locator("#create-role").SelectOptionAsync("reporter");
        await admin.Locator("#create-department").FillAsync(BrowserApp.FinanceDepartment);
        await admin.Locator("#create-password").FillAsync("short");
        await admin.Locator("#add-user button[type=submit]").ClickAsync();
        await Expect(admin.Locator("[data-field=password]")).ToContainTextAsync("8");   // refused, nothing added
        await Expect(admin.Locator("#users tr[data-login=carol]")).ToHaveCountAsync(0);
        await admin.Locator("#create-password").FillAsync(BrowserApp.Password);
        await admin.Locator("#add-user button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#users tr[data-login=carol]")).ToContainTextAsync("Carol Lin");
        var carolRow = admin.Locator("#users tr[data-login=carol]");
        await carolRow.Locator("a.button").ClickAsync(); // the editor opens across the page (?edit=carol), not in the cell
        var editor = admin.Locator("#edit-user");
        await editor.Locator("#update-carol-email").FillAsync("carol.lin@example.com");
        await editor.Locator("#update-carol-language").SelectOptionAsync("zh-CN");
        await editor.Locator("button[type=submit]").First.ClickAsync();
        await Expect(admin.Locator(".alert.success")).ToContainTextAsync("carol");
        await Expect(admin.Locator("#users tr[data-login=carol]")).ToContainTextAsync("carol.lin@example.com");
        await Browser.ScreenshotAsync(admin, "admin-users");

        await admin.GotoAsync("/admin/teams");
        await admin.Locator("#module-name").FillAsync("VPN gateway");
        await admin.Locator("#module-category").FillAsync("network");
        await admin.Locator("#module-team").SelectOptionAsync(BrowserApp.SystemsTeam);
        await admin.Locator("form[action*='handler=Module'] button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#modules")).ToContainTextAsync("VPN gateway");

        // A new team, then its chat group: a bad address is refused next to the field and changes nothing.
        await admin.Locator("#team-name").FillAsync("Network");
        await admin.Locator("form[action*='handler=Team'] button[type=submit]").First.ClickAsync();
        await Expect(admin.Locator("#teams tr[data-team=Network]")).ToContainTextAsync("Manual");
        var network = admin.Locator("#teams tr[data-team=Network]");
        await network.Locator("summary").ClickAsync();
        await network.Locator("#team-Network-assignmentMode").SelectOptionAsync("roundRobin");
        await network.Locator("#team-Network-chat-kind").SelectOptionAsync("wecom");
        await network.Locator("#team-Network-chat-url").FillAsync("not-an-address");
        await network.Locator("button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#teams tr[data-team=Network] [data-field='chat.url']")).ToBeVisibleAsync();
        await Expect(admin.Locator("#teams tr[data-team=Network] td").Nth(1)).ToHaveTextAsync("Manual");
        await admin.Locator("#team-Network-chat-url").FillAsync("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc");
        await admin.Locator("#teams tr[data-team=Network] button[type=submit]").ClickAsync();
        await Expect(admin.Locator(".alert.success")).ToContainTextAsync("Network");
        await Expect(admin.Locator("#teams tr[data-team=Network]")).ToContainTextAsync("Round robin");
        await Expect(admin.Locator("#teams tr[data-team=Network]")).ToContainTextAsync("WeCom");
        await Browser.ScreenshotAsync(admin, "admin-teams");

        await admin.GotoAsync("/admin/sla");
        await admin.Locator("#policy-P4-resolution-amount").FillAsync("5");
        await admin.Locator("#policy-P4-resolution-unit").SelectOptionAsync("businessDays");
        await admin.Locator("#policy-P4 button[type=submit]").ClickAsync();
        await Expect(admin.Locator(".alert.success")).ToContainTextAsync("P4");
        await Expect(admin.Locator("#policy-P4-resolution-amount")).ToHaveValueAsync("5");
        await Browser.ScreenshotAsync(admin, "admin-sla");

        var carol = await browser.SignInAsync("carol");
        await carol.GotoAsync("/tickets/new");
        await Expect(carol.Locator("#report-module")).ToContainTextAsync("VPN gateway");
        await admin.Context.CloseAsync();
        await carol.Context.CloseAsync();
    }
}
