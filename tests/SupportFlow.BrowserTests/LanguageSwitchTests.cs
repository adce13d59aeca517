using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>
/// The header's forms for a signed-in person: the language control switches the page, and the pages after it,
/// between English and Chinese; sign-out signs out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(Browser browser)
{
    [Fact]
    public async Task TheLanguageSwitchTurnsAPageIntoChineseAndBackIntoEnglish()
    {
        var alice = await browser.SignInAsync("alice");
        await alice.GotoAsync("/tickets/new");
        await Expect(alice.Locator("h1")).ToHaveTextAsync("Report a problem");
        await Expect(alice.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await alice.Locator("#language-choice").SelectOptionAsync("zh-CN");
        await alice.Locator("form.language button[type=submit]").ClickAsync();
        await Expect(alice.Locator("h1")).ToHaveTextAsync("报告问题");
        await Expect(alice.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(alice.Locator("#language-choice")).ToHaveValueAsync("zh-CN");
        // Back on the same page, and the choice holds for the next one.
        Assert.EndsWith("/tickets/new", alice.Url, StringComparison.Ordinal);
        await alice.GotoAsync("/tickets/new");
        await Expect(alice.Locator("h1")).ToHaveTextAsync("报告问题");

        await alice.Locator("#language-choice").SelectOptionAsync("en");
        await alice.Locator("form.language button[type=submit]").ClickAsync();
        await Expect(alice.Locator("h1")).ToHaveTextAsync("Report a problem");
        await Expect(alice.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // The header's other form, signing out, posts from the same pages.
        await alice.Locator("form[action='/signout'] button[type=submit]").ClickAsync();
        await Expect(alice.Locator("#signin-login")).ToBeVisibleAsync();
        await alice.GotoAsync("/tickets/new");
        await Expect(alice.Locator("#signin-login")).ToBeVisibleAsync();
        await alice.Context.CloseAsync();
    }
}
