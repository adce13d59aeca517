using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Knowledge;
using SupportFlow.IntegrationTests.Reviews;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Tickets.TicketTestKit;

namespace SupportFlow.IntegrationTests.Security;

/// <summary>
/// Every page says no other site may frame it (so a confirm or cancel form cannot be clickjacked),
/// runs only the server's own scripts and styles, and keeps its URL from other sites; and no page
/// carries anything inline that this policy would block in a browser, so the pages keep working.
/// </summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task EveryPageForbidsFramingAndHasNothingInlineThePolicyWouldBlock()
    {
        await _desk.App.CreateUserAsync("boss", "supervisor");
        await _desk.App.CreateUserAsync("cathy", "reporter", department: Desk.SalesDepartment);
        var own = await _desk.ReportAsync(await _desk.App.ClientForAsync("cathy"), b => b["title"] = "会议室投影仪无信号");
        await Ok(_desk.Supervisor.Act(own, "assign", new { assignee = "eng1" }));
        var review = await _desk.RequestedReviewAsync();
        var article = (await _desk.WritePrinterArticleAsync())["id"]!.GetValue<int>();

        var pages = new List<(HttpClient Client, string Url)>();
        var anonymous = _desk.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        pages.AddRange(new[] { "/signin", "/status/404", "/no-such-page" }.Select(u => (anonymous, u)));
        var boss = await _desk.App.SignInAsync("boss", "zh-CN");
        pages.AddRange(new[]
        {
            "/", "/console", "/tickets/new", $"/tickets/{own}", "/reviews", "/reviews/categories", $"/reviews/{review}", "/faq",
            $"/faq/{article}", "/faq/write", "/dashboard", "/reports",
        }.Select(u => (boss, u)));
        var admin = await _desk.App.SignInAsync("admin");
        pages.AddRange(new[] { "/admin/users", "/admin/teams", "/admin/sla", "/admin/failures" }.Select(u => (admin, u)));
        var cathy = await _desk.App.SignInAsync("cathy");
        pages.AddRange(new[] { "/my", "/tickets/new", $"/tickets/{own}" }.Select(u => (cathy, u)));

        var assets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (client, url) in pages)
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            AssertFramingRefused(response, url);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{url}: HSTS over plain HTTP");
            var inline = Inline().Matches(html).Select(m => m.Value).ToList();
            Assert.True(inline.Count == 0, $"{url} has inline code the policy blocks: {string.Join(" | ", inline)}");
            assets.UnionWith(Asset().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        }

        // The one script (the report form's handbook suggestions) and the stylesheet are the server's own files.
        Assert.Contains(assets, a => a.StartsWith("/assets/report.js?v=", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            Assert.StartsWith("/", asset, StringComparison.Ordinal);
            var response = await anonymous.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }

        var script = await anonymous.GetStringAsync(assets.Single(a => a.StartsWith("/assets/report.js", StringComparison.Ordinal)));
        Assert.Contains("handler=Suggest", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiAnswersAndProblemsCarryTheHeadersToo()
    {
        var anonymous = _desk.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        AssertFramingRefused(await anonymous.GetAsync("/api/tickets"), "/api/tickets (401)");
        AssertFramingRefused(await _desk.Alice.GetAsync("/api/tickets/20990101-001"), "a 404 problem");
        AssertFramingRefused(await _desk.Alice.PostRawJsonAsync("/api/tickets", "{\"title\":"), "a 400 problem");
        AssertFramingRefused(await _desk.Alice.GetAsync("/api/me"), "/api/me");
    }

    [Fact]
    public async Task OverHttpsEveryAnswerAsksForHttpsFromThenOn()
    {
        var secure = _desk.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false,
        });
        foreach (var url in new[] { "/signin", "/healthz", "/api/tickets" })
        {
            var response = await secure.GetAsync(url);
            Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), $"{url}: no HSTS over HTTPS");
            Assert.Equal("max-age=31536000", hsts.Single());
            AssertFramingRefused(response, url);
        }
    }

    [Fact]
    public async Task ThePublicFormKeepsItsOwnFramingRuleAndItsStyleIsAllowedByHash()
    {
        var visitor = _desk.App.CreateClient();
        var response = await visitor.GetAsync("/forms/report?lang=zh-CN");
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors *", policy, StringComparison.Ordinal); // embeddable where the admin allows (WebFormOptions)
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var style = StyleBlock().Match(html);
        Assert.True(style.Success, "The form has no style block.");
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.Groups[1].Value)));
        Assert.Contains($"style-src 'sha256-{hash}'", policy, StringComparison.Ordinal);
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static void AssertFramingRefused(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: no Content-Security-Policy");
        var policy = csp.Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    /// <summary>What a policy without 'unsafe-inline' blocks: inline scripts, style blocks and attributes, event handlers, javascript: URLs.</summary>
    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|<[^>]+\sstyle\s*=|<[^>]+\son[a-z]+\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex Inline();

    [GeneratedRegex(@"<(?:script|link)\b[^>]*\s(?:src|href)=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Asset();

    [GeneratedRegex(@"<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
