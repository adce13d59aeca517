using Microsoft.Playwright;

namespace SupportFlow.BrowserTests;

/// <summary>
/// One server and one Debian Chromium for the whole browser suite (starting them is the slow
/// part); each person in a test gets a fresh browser context, so cookies never mix.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    public BrowserApp App { get; } = new();

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(60_000);
        await App.SeedAsync();
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new browser for one person, in a language (the browser's Accept-Language), signed in.</summary>
    public async Task<IPage> SignInAsync(string login, string locale = "en-US", bool phone = false)
    {
        var page = await OpenAsync(locale, phone);
        await page.GotoAsync("/signin");
        await page.Locator("#signin-login").FillAsync(login);
        await page.Locator("#signin-password").FillAsync(BrowserApp.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".who")).ToBeVisibleAsync();
        return page;
    }

    public async Task<IPage> OpenAsync(string locale = "en-US", bool phone = false)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Address.ToString().TrimEnd('/'),
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: on a loaded 2-core machine a page can take seconds; a passing step does not wait for it.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Keeps a picture of a page for the README (docs/screenshots).</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder(), name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }

    private static string ScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SupportFlow.slnx")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
