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
        await lead.Locator("#meeting-participants").FillAsync($"{BrowserApp.SupervisorName}, {BrowserApp.EngineerName}");
        await lead.Locator("#meeting-form button[type=submit]").ClickAsync();
        await Expect(lead.Locator("#meeting")).ToContainTextAsync(BrowserApp.EngineerName);
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
        await Expect(lead.Locator("#actions")).ToContainTextAsync(BrowserApp.EngineerName);
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

    [Fact]
    public async Task ASupervisorRequestsAReviewFromTheTicketPageAndAnEngineerCannot()
    {
        using var alice = await ApiAsync("alice");
        var number = (await Ok(alice.PostAsJsonAsync("/api/tickets", new
        {
            title = "Invoice numbers skip a digit", description = "Some invoices jump from 0099 to 0200.",
            occurredAt = "2026-05-20T13:00+08:00", module = BrowserApp.SalesModule, impact = "Finance must renumber by hand",
            priority = "P3", channel = "portal",
        })))["number"]!.GetValue<string>();

        var engineer = await browser.SignInAsync("eng1");
        await engineer.GotoAsync($"/tickets/{number}");
        await Expect(engineer.Locator("#ticket-reviews")).ToContainTextAsync("No review covers this ticket.");
        await Expect(engineer.Locator("#request-review")).ToHaveCountAsync(0);

        var lead = await browser.SignInAsync("sup1", "zh-CN");
        await lead.GotoAsync($"/tickets/{number}");
        await lead.Locator("#request-review summary").ClickAsync();
        await lead.Locator("#request-review button[type=submit]").ClickAsync();
        await Expect(lead.Locator("#review-reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(lead.Locator("#request-review")).ToContainTextAsync("此项必填");
        await lead.Locator("#review-reason").FillAsync("本月第三次出现");
        await lead.Locator("#request-review button[type=submit]").ClickAsync();

        await Expect(lead.Locator(".alert.success")).ToContainTextAsync("已发起复盘");
        Assert.Matches("/reviews/\\d+$", lead.Url);
        await Expect(lead.Locator("#review-tickets")).ToContainTextAsync(number);
        await Expect(lead.Locator("#review-reason")).ToHaveTextAsync("本月第三次出现");
        await Expect(lead.Locator("#outstanding")).ToHaveTextAsync("复盘完成前还需要: 根本原因; 至少一项预防措施");

        await engineer.GotoAsync($"/tickets/{number}");
        await Expect(engineer.Locator("#review-list")).ToContainTextAsync(number);
        await engineer.Context.CloseAsync();
        await lead.Context.CloseAsync();
    }

    [Fact]
    public async Task TheReviewPageSaysInChineseWhichActionsStillKeepItOpen()
    {
        var number = await ClosedP1Async();
        using var api = await ApiAsync("sup1");
        var review = (await (await api.GetAsync($"/api/reviews?ticket={number}")).Content.ReadFromJsonAsync<JsonArray>())!
            .Single(r => r!["trigger"]!.GetValue<string>() == "seriousIncident")!;
        var id = review["id"]!.GetValue<int>();
        await Ok(api.PostAsJsonAsync($"/api/reviews/{id}/actions",
            new { description = "给所有打印机换 3.1 驱动", owner = "eng1", dueDate = "2026-05-29" }));

        var lead = await browser.SignInAsync("sup1", "zh-CN");
        await lead.GotoAsync($"/reviews/{id}");

        await Expect(lead.Locator("#outstanding")).ToHaveTextAsync("复盘完成前还需要: 根本原因; 措施“给所有打印机换 3.1 驱动”完成或被接受");
        await Expect(lead.Locator("#outstanding")).Not.ToContainTextAsync("rootCause");
        await lead.Context.CloseAsync();
    }

    [Fact]
    public async Task ASupervisorAddsRenamesAndRetiresACauseCategoryOnItsPage()
    {
        var engineer = await browser.SignInAsync("eng1");
        Assert.Equal(403, (await engineer.GotoAsync("/reviews/categories"))!.Status);
        await engineer.GotoAsync("/reviews");
        await Expect(engineer.Locator("#cause-categories")).ToHaveCountAsync(0);
        await engineer.Context.CloseAsync();

        var lead = await browser.SignInAsync("sup1");
        await lead.GotoAsync("/reviews");
        await lead.Locator("#cause-categories").ClickAsync();
        await Expect(lead.Locator("h1")).ToHaveTextAsync("Cause categories");
        await Expect(lead.Locator("#categories tr[data-category='designDefect']")).ToBeVisibleAsync();

        await lead.Locator("#add-key").FillAsync("Power Supply");
        await lead.Locator("#add-nameEn").FillAsync("Power supply");
        await lead.Locator("#add-nameZh").FillAsync("供电");
        await lead.Locator("#add-category button[type=submit]").ClickAsync();
        await Expect(lead.Locator("#add-category")).ToContainTextAsync("is not a key");
        await lead.Locator("#add-key").FillAsync("powerSupply");
        await lead.Locator("#add-category button[type=submit]").ClickAsync();
        await Expect(lead.Locator(".alert.success")).ToContainTextAsync("Cause category Power supply added.");
        var row = lead.Locator("#categories tr[data-category='powerSupply']");
        await Expect(row).ToContainTextAsync("供电");
        await Expect(row).ToContainTextAsync("In use");

        await row.Locator("summary").ClickAsync();
        await row.Locator("#category-powerSupply-nameZh").FillAsync("供电与 UPS");
        await row.Locator("#category-powerSupply-active").SelectOptionAsync("false");
        await row.Locator("button[type=submit]").ClickAsync();
        await Expect(lead.Locator(".alert.success")).ToContainTextAsync("Cause category Power supply changed.");
        row = lead.Locator("#categories tr[data-category='powerSupply']");
        await Expect(row).ToContainTextAsync("供电与 UPS");
        await Expect(row).ToContainTextAsync("Retired");

        using var api = await ApiAsync("sup1");
        var categories = await (await api.GetAsync("/api/reviews/categories")).Content.ReadFromJsonAsync<JsonArray>();
        Assert.DoesNotContain(categories!, c => c!["key"]!.GetValue<string>() == "powerSupply");
        var all = await (await api.GetAsync("/api/reviews/categories?all=true")).Content.ReadFromJsonAsync<JsonArray>();
        var retired = all!.Single(c => c!["key"]!.GetValue<string>() == "powerSupply")!;
        Assert.Equal(("供电与 UPS", false), (retired["nameZh"]!.GetValue<string>(), retired["active"]!.GetValue<bool>()));
        await lead.Context.CloseAsync();
    }

    private async Task<int> ArticleAsync(string title, string body)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var author = await db.Users.Include(u => u.Teams).SingleAsync(u => u.Login == "eng1");
        var article = Article.Write(new ArticleContent(title, body, ArticleAudience.Reporters, [BrowserApp.Printer], ["打印机"]),
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
            occurredAt = "2026-05-20T14:00+08:00", module = BrowserApp.Printer, impact = "No printing for the board meeting",
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
