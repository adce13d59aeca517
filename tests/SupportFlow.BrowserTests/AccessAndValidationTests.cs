using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>What the pages refuse: other people's tickets, pages above one's role, bad input, password guessing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessAndValidationTests(Browser browser)
{
    [Fact]
    public async Task AReporterOpeningAnotherReportersTicketUrlIsRefused()
    {
        var alice = await browser.SignInAsync("alice");
        var number = await ReportAsync(alice, "Printer jams on every page");

        var bob = await browser.SignInAsync("bob");
        var response = await bob.GotoAsync($"/tickets/{number}");
        Assert.Equal(404, response!.Status);
        await Expect(bob.Locator("h1")).ToHaveTextAsync("Not found");
        await Expect(bob.Locator("main")).Not.ToContainTextAsync("Printer jams");

        // Nor does a reporter reach the console, the dashboard or the admin pages by URL.
        foreach (var url in new[] { "/console", "/dashboard", "/admin/users", "/admin/teams", "/admin/sla", "/admin/failures" })
        {
            var refused = await bob.GotoAsync(url);
            Assert.Equal(403, refused!.Status);
            await Expect(bob.Locator("h1")).ToHaveTextAsync("Not allowed");
        }

        // An engineer works tickets but neither supervises nor administers.
        var engineer = await browser.SignInAsync("eng1");
        foreach (var url in new[] { "/dashboard", "/admin/users", "/admin/failures" })
        {
            Assert.Equal(403, (await engineer.GotoAsync(url))!.Status);
        }

        await engineer.Context.CloseAsync();

        await alice.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    [Fact]
    public async Task AReportWithBadInputShowsFieldErrorsAndCreatesNothing()
    {
        var alice = await browser.SignInAsync("alice");
        var before = await browser.App.TicketCountAsync();
        await alice.GotoAsync("/tickets/new");
        await alice.Locator("#report-title").FillAsync("   ");
        await alice.Locator("#report-occurredAt").FillAsync("2026-05-21T09:00"); // tomorrow: after receipt
        await alice.Locator("#report-description").FillAsync("Something is off");
        await alice.Locator("#report-form button[type=submit]").ClickAsync();

        // Each message names the field by its label, not by the API's wire name (issue 21, item 5).
        await Expect(alice.Locator("[data-field=title]")).ToHaveTextAsync("“Title” is required.");
        await Expect(alice.Locator("[data-field=module]")).ToContainTextAsync("“Module” is required");
        await Expect(alice.Locator("[data-field=impact]")).ToHaveTextAsync("“Impact” is required.");
        await Expect(alice.Locator("[data-field=occurredAt]")).ToHaveTextAsync("“When did it happen” cannot be after the report was received.");
        await Expect(alice.Locator("#report-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(alice.Locator("#report-description")).ToHaveValueAsync("Something is off"); // what was typed stays
        Assert.Equal(before, await browser.App.TicketCountAsync());
        await Browser.ScreenshotAsync(alice, "report-errors");
        await alice.Context.CloseAsync();
    }

    [Fact]
    public async Task AReportWithAFileThatIsNotWhatItsNameSaysShowsTheFieldErrorAndCreatesNothing()
    {
        var alice = await browser.SignInAsync("alice");
        var before = await browser.App.TicketCountAsync();
        await FillReportAsync(alice, "Screen flickers after the update");
        await alice.Locator("#report-attachments").SetInputFilesAsync(TextAsPng);
        await alice.Locator("#report-form button[type=submit]").ClickAsync();

        await Expect(alice.Locator("[data-field=attachments]")).ToHaveTextAsync("The content of 'screenshot.png' is not a .png file.");
        await Expect(alice.Locator("#report-attachments")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(alice.Locator("#report-title")).ToHaveValueAsync("Screen flickers after the update");
        Assert.Equal(before, await browser.App.TicketCountAsync());

        // Sent again with a real picture: one ticket, the file on it.
        await alice.Locator("#report-attachments").SetInputFilesAsync(new FilePayload
        {
            Name = "screenshot.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0],
        });
        await alice.Locator("#report-form button[type=submit]").ClickAsync();
        await Expect(alice.Locator("#ticket-number")).ToBeVisibleAsync();
        await Expect(alice.Locator("section[aria-labelledby=files-title]")).ToContainTextAsync("screenshot.png");
        Assert.Equal(before + 1, await browser.App.TicketCountAsync());
        await alice.Context.CloseAsync();
    }

    [Fact]
    public async Task RefusedFilesAreExplainedInChineseOnTheReportFormAndTheTicketPage()
    {
        var bob = await browser.SignInAsync("bob", "zh-CN");
        var before = await browser.App.TicketCountAsync();
        await FillReportAsync(bob, "屏幕闪烁");
        await bob.Locator("#report-attachments").SetInputFilesAsync(TextAsPng);
        await bob.Locator("#report-form button[type=submit]").ClickAsync();
        await Expect(bob.Locator("[data-field=attachments]")).ToHaveTextAsync("“screenshot.png”的内容不是 .png 文件。");
        Assert.Equal(before, await browser.App.TicketCountAsync());

        // The same rules on the ticket page's upload, in the same words.
        await ReportAsync(bob, "打印机卡纸");
        await bob.Locator("#attach-file").SetInputFilesAsync(new FilePayload
        {
            Name = "tool.exe", MimeType = "application/octet-stream", Buffer = "MZ"u8.ToArray(),
        });
        await bob.Locator("form:has(#attach-file) button[type=submit]").ClickAsync();
        await Expect(bob.Locator("[data-field=file]")).ToContainTextAsync("不接受“tool.exe”这类文件。");
        await Expect(bob.Locator("#attach-file")).ToHaveAttributeAsync("aria-invalid", "true");
        await bob.Context.CloseAsync();
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheLoginEvenForTheRightPassword()
    {
        var page = await browser.OpenAsync();
        await page.GotoAsync("/signin");
        await Browser.ScreenshotAsync(page, "sign-in");
        for (var i = 0; i < 5; i++)
        {
            await page.Locator("#signin-login").FillAsync("bob");
            await page.Locator("#signin-password").FillAsync("wrong-password");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".alert.error")).ToBeVisibleAsync();
        }

        await page.Locator("#signin-login").FillAsync("bob");
        await page.Locator("#signin-password").FillAsync(BrowserApp.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".alert.error")).ToContainTextAsync("locked until");

        browser.App.Clock.Advance(TimeSpan.FromMinutes(16));
        await page.Locator("#signin-login").FillAsync("bob");
        await page.Locator("#signin-password").FillAsync(BrowserApp.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".who")).ToContainTextAsync(BrowserApp.BobName);
        await page.Context.CloseAsync();
    }

    /// <summary>A picture by name only: the bytes are text.</summary>
    private static readonly FilePayload TextAsPng = new()
    {
        Name = "screenshot.png", MimeType = "image/png", Buffer = "This is text, not a picture."u8.ToArray(),
    };

    /// <summary>Fills every field of the report form except the attachments.</summary>
    private static async Task FillReportAsync(IPage reporter, string title)
    {
        await reporter.GotoAsync("/tickets/new");
        await reporter.Locator("#report-title").FillAsync(title);
        await reporter.Locator("#report-module").SelectOptionAsync(BrowserApp.Printer);
        await reporter.Locator("#report-description").FillAsync("It started after this morning's update.");
        await reporter.Locator("#report-impact").FillAsync("Only me");
    }

    internal static async Task<string> ReportAsync(IPage reporter, string title)
    {
        await reporter.GotoAsync("/tickets/new");
        await reporter.Locator("#report-title").FillAsync(title);
        await reporter.Locator("#report-module").SelectOptionAsync(BrowserApp.Printer);
        await reporter.Locator("#report-description").FillAsync("Paper jams on every page since this morning.");
        await reporter.Locator("#report-impact").FillAsync("Nobody in room A can print");
        await reporter.Locator("#report-form button[type=submit]").ClickAsync();
        return (await reporter.Locator("#ticket-number").TextContentAsync())!;
    }
}
