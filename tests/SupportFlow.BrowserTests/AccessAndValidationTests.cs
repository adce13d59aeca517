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

        await Expect(alice.Locator("[data-field=title]")).ToHaveTextAsync("title is required.");
        await Expect(alice.Locator("[data-field=module]")).ToContainTextAsync("module is required");
        await Expect(alice.Locator("[data-field=impact]")).ToHaveTextAsync("impact is required.");
        await Expect(alice.Locator("[data-field=occurredAt]")).ToContainTextAsync("cannot be after");
        await Expect(alice.Locator("#report-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(alice.Locator("#report-description")).ToHaveValueAsync("Something is off"); // what was typed stays
        Assert.Equal(before, await browser.App.TicketCountAsync());
        await Browser.ScreenshotAsync(alice, "report-errors");
        await alice.Context.CloseAsync();
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
        await Expect(page.Locator(".who")).ToContainTextAsync("Bob Wu");
        await page.Context.CloseAsync();
    }

    internal static async Task<string> ReportAsync(IPage reporter, string title)
    {
        await reporter.GotoAsync("/tickets/new");
        await reporter.Locator("#report-title").FillAsync(title);
        await reporter.Locator("#report-module").SelectOptionAsync("Meeting room A printer");
        await reporter.Locator("#report-description").FillAsync("Paper jams on every page since this morning.");
        await reporter.Locator("#report-impact").FillAsync("Nobody in room A can print");
        await reporter.Locator("#report-form button[type=submit]").ClickAsync();
        return (await reporter.Locator("#ticket-number").TextContentAsync())!;
    }
}
