using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.Knowledge;
using SupportFlow.Server.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>
/// The learning loop in the browser: a reporter typing a known problem is offered the handbook
/// article before filing, and a supervisor reviews a closed P1 and adds a preventive action.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewAndHandbookTests(Browser browser)
{
    [Fact]
    public async Task AReporterTypingAKnownProblemIsOfferedTheArticleAndNoTicketIsFiled()
    {
        var articleId = await ArticleAsync("打印机卡纸怎么办",
            "## 处理步骤\n\n1. 关闭打印机电源\n2. 打开后盖,**沿出纸方向**轻轻取出卡住的纸张\n3. 重新开机并打印测试页\n\n<script>alert(1)</script>");
        var tickets = await browser.App.TicketCountAsync();

        var alice = await browser.SignInAsync("alice", "zh-CN");
        await alice.GotoAsync("/tickets/new");
        await alice.Locator("#report-title").PressSequentiallyAsync("打印机卡纸");
        var suggestion = alice.Locator($"#suggestion-list li[data-article='{articleId}']");
        await Expect(suggestion).ToContainTextAsync("打印机卡纸怎么办");
        await Expect(alice.Locator("#suggestions h2")).ToHaveTextAsync("手册里可能已有答案");
        await Browser.ScreenshotAsync(alice, "report-suggestions-zh");

        await suggestion.Locator("button.solved").ClickAsync();
        await Expect(alice.Locator("#article-title")).ToHaveTextAsync("打印机卡纸怎么办");
        await Expect(alice.Locator(".alert.success")).ToContainTextAsync("无需提交工单");
        await Expect(alice.Locator("#article-body strong")).ToHaveTextAsync("沿出纸方向");
        Assert.Equal(0, await alice.Locator("#article-body script").CountAsync());
        await Browser.ScreenshotAsync(alice, "faq-article-zh");

        Assert.Equal(tickets, await browser.App.TicketCountAsync());
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var deflection = await db.Deflections.SingleAsync(d => d.ArticleId == articleId);
        Assert.Equal("打印机卡纸", deflection.Text);
    }

    [Fact]
    public async Task ASupervisorReviewsAClosedP1AndAddsAPreventiveAction()
    {
        var number = await ClosedP1Async();

        var lead = await browser.SignInAsync("sup1");
        await lead.GotoAsync("/reviews");
        var row = lead.Locator("#reviews tr", new() { HasText = number });
        await Expect(row).ToContainTextAsync("Serious incident (P1/P2)");
        await Browser.ScreenshotAsync(lead, "reviews");
        await row.Locator("a.ticket-link").ClickAsync();
        await Expect(lead.Locator("#review-tickets")).ToContainTextAsync(number);

        await lead.Locator("#meeting-meetingAt").FillAsync("2026-05-21T10:00");
        await lead.Locator("#meeting-participants").FillAsync("李主管, 王工");
        await lead.Locator("#meeting-form button[type=submit]").ClickAsync();
        await Expect(lead.Locator("#meeting")).ToContainTextAsync("王工");
        await lead.Locator("#cause-rootCause").FillAsync("The printer driver 3.0 mis-feeds thick paper");
        await lead.Locator("#cause-category").SelectOptionAsync("designDefect");
        await lead.Locator("#cause-form button[type=submit]").ClickAsync();
        await Expect(lead.Locator("#root-cause")).ToHaveTextAsync("The printer driver 3.0 mis-feeds thick paper");

        await lead.Locator("#action-description").FillAsync("Upgrade every printer driver to 3.1");
        await lead.Locator("#action-owner").SelectOptionAsync("eng1");
        await lead.Locator("#action-dueDate").FillAsync("2026-05-29");
        await lead.Locator("#add-action button[type=submit]").ClickAsync();
        await Expect(lead.Locator(".alert.success")).ToContainTextAsync("Preventive action added");
        await Expect(lead.Locator("#actions")).ToContainTextAsync("Upgrade every printer driver to 3.1");
        await Expect(lead.Locator("#actions")).ToContainTextAsync("王工");
        await Expect(lead.Locator("#review-status")).ToHaveTextAsync("Open");
        await Browser.ScreenshotAsync(lead, "review");

        // What was learnt goes into the handbook, pre-filled from the review.
        await lead.Locator("#article-from-review").ClickAsync();
        await Expect(lead.Locator("#article-title")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("."));
        await Expect(lead.Locator("#article-body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("driver 3.0"));
        await Browser.ScreenshotAsync(lead, "faq-editor");
        await lead.Locator("#article-form button[type=submit]").ClickAsync();
        await Expect(lead.Locator(".alert.success")).ToContainTextAsync("version 1");
        await Expect(lead.Locator("#versions li")).ToHaveCountAsync(1);

        await lead.GotoAsync("/faq");
        await Browser.ScreenshotAsync(lead, "faq");
        await lead.GotoAsync("/dashboard");
        await Expect(lead.Locator("#dashboard-reviews")).ToBeVisibleAsync();
        await Expect(lead.Locator("#dashboard-reviews")).ToContainTextAsync("Reviews open");

        // The owner sees the action as theirs.
        var engineer = await browser.SignInAsync("eng1");
        await engineer.GotoAsync("/reviews");
        await Expect(engineer.Locator("#mine-title + ul")).ToContainTextAsync("Upgrade every printer driver to 3.1");
    }

    private async Task<int> ArticleAsync(string title, string body)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var author = await db.Users.Include(u => u.Teams).SingleAsync(u => u.Login == "eng1");
        var article = Article.Write(new ArticleContent(title, body, ArticleAudience.Reporters, ["Meeting room A printer"], ["打印机"]),
            author.ToActor(), browser.App.Clock.GetUtcNow(), [], null);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    /// <summary>Alice reports a P1 through the API; the engineer resolves it and the supervisor closes it.</summary>
    private async Task<string> ClosedP1Async()
    {
        using var alice = await ApiAsync("alice");
        using var lead = await ApiAsync("sup1");
        using var engineer = await ApiAsync("eng1");
        var created = await Ok(alice.PostAsJsonAsync("/api/tickets", new
        {
            title = "Meeting room printer jams on every page", description = "Thick paper jams at the rear tray.",
            occurredAt = "2026-05-20T14:00+08:00", module = "Meeting room A printer", impact = "No printing for the board meeting",
            priority = "P1", channel = "portal",
        }));
        var number = created["number"]!.GetValue<string>();
        await Ok(lead.PostAsJsonAsync($"/api/tickets/{number}/assign", new { assignee = "eng1" }));
        await Ok(engineer.PostAsync($"/api/tickets/{number}/start", null));
        await Ok(engineer.PostAsJsonAsync($"/api/tickets/{number}/resolve", new
        {
            solution = "Rolled the driver back to 2.9", cause = "Driver 3.0 mis-feeds thick paper", verification = "onsite",
        }));
        await Ok(lead.PostAsJsonAsync($"/api/tickets/{number}/close", new { cause = "Driver 3.0 mis-feeds thick paper", solution = "Driver rolled back" }));
        return number;
    }

    private async Task<HttpClient> ApiAsync(string login)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateTokenAsync(login, "browser tests", CancellationToken.None);
        var client = new HttpClient { BaseAddress = browser.App.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    private static async Task<JsonObject> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
