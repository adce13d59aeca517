using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Server.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>The supervisor's reports page: charts and numbers over a period, filters, exports; refused below supervisor.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsPageTests(Browser browser)
{
    [Fact]
    public async Task ASupervisorReadsTheServiceQualityFromChartsAndExportsIt()
    {
        await SeedTicketsAsync();
        var lead = await browser.SignInAsync("sup1");
        await lead.Locator("nav.mainnav a[href='/reports']").ClickAsync();
        await Expect(lead.Locator("h1")).ToHaveTextAsync("Reports");
        // Without dates: the last 30 days up to today (20 May 2026 in Shanghai).
        await Expect(lead.Locator("#report-period")).ToHaveTextAsync("Tickets received from 2026-04-21 to 2026-05-20");
        await Expect(lead.Locator("#report-volume svg[aria-label='Tickets received']")).ToBeVisibleAsync();
        foreach (var section in new[] { "#report-attainment", "#report-satisfaction", "#report-engineers", "#report-backlog", "#report-quality" })
        {
            await Expect(lead.Locator($"{section} svg").First).ToBeVisibleAsync();
        }

        Assert.True(int.Parse(await lead.Locator("#stat-received").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 3);
        await Expect(lead.Locator("#report-times tr[data-step=resolve] td[data-priority=all]")).ToBeVisibleAsync();
        await Expect(lead.Locator("#report-satisfaction")).ToContainTextAsync("Fixed while I watched");
        await Browser.ScreenshotAsync(lead, "reports");

        // Filtered to one priority, the choice stays in the form and the export links carry it.
        await lead.Locator("#report-priority").SelectOptionAsync("P3");
        await lead.Locator("#report-filters button[type=submit]").ClickAsync();
        await Expect(lead.Locator("#report-priority")).ToHaveValueAsync("P3");
        var csvLink = lead.Locator("#report-volume a[data-export=volume-csv]");
        Assert.Contains("priority=P3", await csvLink.GetAttributeAsync("href"), StringComparison.Ordinal);

        // The export answers under the page's sign-in: a CSV with a byte-order mark, and an XLSX.
        var csv = await lead.Context.APIRequest.GetAsync((await csvLink.GetAttributeAsync("href"))!);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], (await csv.BodyAsync()).Take(3));
        var xlsx = await lead.Context.APIRequest.GetAsync(
            (await lead.Locator("#report-times a[data-export=times-xlsx]").GetAttributeAsync("href"))!);
        Assert.Equal(200, xlsx.Status);
        Assert.Equal([(byte)'P', (byte)'K'], (await xlsx.BodyAsync()).Take(2)); // a zip: the workbook

        // A period that ends before it starts is named next to the field, and nothing is charted.
        await lead.Locator("#report-from").FillAsync("2026-05-20");
        await lead.Locator("#report-to").FillAsync("2026-05-01");
        await lead.Locator("#report-filters button[type=submit]").ClickAsync();
        await Expect(lead.Locator("[data-field=to]")).ToContainTextAsync("to must not be before from");
        await Expect(lead.Locator("#report-volume")).ToHaveCountAsync(0);
        await lead.Context.CloseAsync();

        // The same page in Chinese.
        var chinese = await browser.SignInAsync("sup1", "zh-CN");
        await chinese.GotoAsync("/reports");
        await Expect(chinese.Locator("h1")).ToHaveTextAsync("统计报表");
        await Expect(chinese.Locator("#report-volume svg").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(chinese, "reports-zh");
        await chinese.Context.CloseAsync();
    }

    [Fact]
    public async Task EngineersAndReportersAreRefusedTheReportsPageAndItsExports()
    {
        foreach (var login in new[] { "eng1", "bob" })
        {
            var page = await browser.SignInAsync(login);
            await Expect(page.Locator("nav.mainnav a[href='/reports']")).ToHaveCountAsync(0);
            foreach (var url in new[] { "/reports", "/reports?handler=export&report=volume&format=csv" })
            {
                var refused = await page.GotoAsync(url);
                Assert.Equal(403, refused!.Status);
            }

            await page.Context.CloseAsync();
        }
    }

    /// <summary>Three tickets through the API at the held time: one resolved and rated with a comment, one assigned, one new.</summary>
    private async Task SeedTicketsAsync()
    {
        var alice = await ClientAsync("alice");
        var lead = await ClientAsync("sup1");
        var engineer = await ClientAsync("eng1");
        var numbers = new List<string>();
        foreach (var (priority, channel) in new[] { ("P3", "portal"), ("P4", "email"), ("P2", "portal") })
        {
            var response = await alice.PostAsJsonAsync("/api/tickets", new
            {
                title = $"报表样例 Report sample {priority}", description = "报表页面上可见 / seen on the reports page", occurredAt = "2026-05-20T14:00+08:00",
                module = BrowserApp.SalesModule, impact = "仅影响一人 (one person)", priority, channel,
            });
            response.EnsureSuccessStatusCode();
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>());
        }

        await Ok(lead.PostAsJsonAsync($"/api/tickets/{numbers[0]}/assign", new { assignee = "eng1" }));
        await Ok(engineer.PostAsJsonAsync($"/api/tickets/{numbers[0]}/resolve", new { solution = "Cleared the cache" }));
        await Ok(alice.PostAsJsonAsync($"/api/tickets/{numbers[0]}/confirm", new { resolved = true, rating = 4, comment = "Fixed while I watched" }));
        await Ok(lead.PostAsJsonAsync($"/api/tickets/{numbers[1]}/assign", new { assignee = "eng1" }));
    }

    private static async Task Ok(Task<HttpResponseMessage> request) => (await request).EnsureSuccessStatusCode();

    private async Task<HttpClient> ClientAsync(string login)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var token = (await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateTokenAsync(login, "reports page test", CancellationToken.None)).Token;
        var client = new HttpClient { BaseAddress = browser.App.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
