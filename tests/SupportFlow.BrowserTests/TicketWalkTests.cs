using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace SupportFlow.BrowserTests;

/// <summary>
/// The whole life of a ticket done in the browser, as its people would: the reporter reports,
/// the supervisor triages and assigns, the engineer works and resolves, the reporter confirms
/// with five stars, the engineer closes. Once in English on the desk's English module, and once
/// in Chinese with everything typed in Chinese (the Chinese screenshots show a Chinese desk).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TicketWalkTests(Browser browser)
{
    /// <summary>What the pages must say, in one language.</summary>
    private sealed record Words(
        string Locale, string Suffix, string ReportProblem, string Received, string New, string Assigned, string InProgress,
        string Resolved, string Closed, string Internal, string Thanks);

    /// <summary>What the people type, in the same language.</summary>
    private sealed record Typed(
        string Title, string Module, string Description, string Impact, string TriageReason, string WorkLog, string WorkLogPart,
        string Update, string UpdatePart, string Solution, string Cause, string Confirmation, string CloseCause, string CloseSolution);

    private static readonly Words English = new("en-US", "", "Report a problem", "received", "New", "Assigned", "In progress",
        "Resolved", "Closed", "Internal", "Thank you for your feedback.");

    private static readonly Words Chinese = new("zh-CN", "-zh", "报告问题", "已受理", "新建", "已分派", "处理中",
        "已解决", "已关闭", "内部", "感谢您的反馈。");

    private static readonly Typed EnglishText = new("Captcha error when signing in to sales", BrowserApp.EnglishSalesModule,
        "The login page says the captcha is wrong, even after refreshing it.", "The sales team cannot take orders",
        "The whole sales team is blocked", "Checked the logs: database connection timeouts", "database connection timeouts",
        "Found a database timeout; fixing it, about one hour.", "about one hour", "Rebuilt the session index",
        "The session index was invalid", "Tested, signing in works again", "Session index invalid", "Index rebuilt");

    private static readonly Typed ChineseText = new("登录销售系统时提示验证码错误", BrowserApp.SalesModule,
        "登录时提示“验证码错误”,尝试刷新后无效", "无法下单,导致销售流程停滞", "整个销售部无法下单",
        "检查日志发现数据库连接超时", "数据库连接超时", "已定位原因为数据库索引失效,正在优化,预计1小时后恢复", "预计1小时后恢复",
        "重建会话索引后恢复正常", "会话索引失效", "已测试,登录正常,问题解决", "数据库连接池配置不当", "调整连接池参数,重启服务");

    [Fact]
    public Task ATicketGoesFromReportToClosureInEnglish() => WalkAsync(English, EnglishText);

    [Fact]
    public Task ATicketGoesFromReportToClosureInChinese() => WalkAsync(Chinese, ChineseText);

    private async Task WalkAsync(Words w, Typed t)
    {
        var title = t.Title;
        // The reporter reports a problem and sees it numbered.
        var alice = await browser.SignInAsync("alice", w.Locale);
        await Expect(alice.Locator("nav.mainnav")).ToContainTextAsync(w.ReportProblem);
        await alice.GotoAsync("/tickets/new");
        await Expect(alice.Locator("h1")).ToHaveTextAsync(w.ReportProblem);
        await alice.Locator("#report-title").FillAsync(title);
        await alice.Locator("#report-module").SelectOptionAsync(t.Module);
        await alice.Locator("#report-occurredAt").FillAsync("2026-05-20T14:10");
        await alice.Locator("#report-description").FillAsync(t.Description);
        await alice.Locator("#report-impact").FillAsync(t.Impact);
        await alice.Locator("label[for=report-priority-1]").ClickAsync(); // P2
        await Browser.ScreenshotAsync(alice, "report-problem" + w.Suffix);
        await alice.Locator("#report-form button[type=submit]").ClickAsync();

        var number = (await alice.Locator("#ticket-number").TextContentAsync())!;
        Assert.Matches(TicketNumber(), number);
        await Expect(alice.Locator(".alert.success")).ToContainTextAsync(number);
        await Expect(alice.Locator(".alert.success")).ToContainTextAsync(w.Received);
        await Expect(alice.Locator("#ticket-status .badge")).ToHaveTextAsync(w.New);
        await alice.GotoAsync("/my");
        await Expect(alice.Locator($"#my-tickets tr[data-number='{number}']")).ToContainTextAsync(title);
        await Browser.ScreenshotAsync(alice, "my-tickets" + w.Suffix);

        // The supervisor finds it awaiting triage, confirms P1 and assigns the engineer.
        browser.App.Clock.Advance(TimeSpan.FromMinutes(3));
        var lead = await browser.SignInAsync("sup1", w.Locale);
        await lead.GotoAsync("/console?queue=triage");
        await Browser.ScreenshotAsync(lead, "console-queue" + w.Suffix);
        await lead.Locator($"#queue tr[data-number='{number}'] a.ticket-link").ClickAsync();
        await lead.Locator("#triage-priority").SelectOptionAsync("P1");
        await lead.Locator("#triage-reason").FillAsync(t.TriageReason);
        await lead.Locator("#triage button[type=submit]").ClickAsync();
        await Expect(lead.Locator(".badge.p1").First).ToBeVisibleAsync();
        await lead.Locator("#assign-assignee").SelectOptionAsync("eng1");
        await lead.Locator("#assign button[type=submit]").ClickAsync();
        await Expect(lead.Locator("#ticket-owner")).ToHaveTextAsync(BrowserApp.EngineerName);
        await Expect(lead.Locator("#ticket-status .badge")).ToHaveTextAsync(w.Assigned);

        // The engineer starts, logs work (internal), updates the reporter and resolves.
        browser.App.Clock.Advance(TimeSpan.FromMinutes(5));
        var engineer = await browser.SignInAsync("eng1", w.Locale);
        await engineer.GotoAsync("/console?queue=mine");
        await engineer.Locator($"#queue tr[data-number='{number}'] a.ticket-link").ClickAsync();
        await engineer.Locator("form[action*='handler=Start'] button").ClickAsync();
        await Expect(engineer.Locator("#ticket-status .badge")).ToHaveTextAsync(w.InProgress);
        await engineer.Locator("#worklog summary").ClickAsync();
        await engineer.Locator("#worklog-text").FillAsync(t.WorkLog);
        await engineer.Locator("#worklog-method").SelectOptionAsync("remote");
        await engineer.Locator("#worklog button[type=submit]").ClickAsync();
        await Expect(engineer.Locator("#timeline li.internal").First).ToContainTextAsync(t.WorkLogPart);
        await Expect(engineer.Locator("#timeline li.internal .badge.internal").First).ToHaveTextAsync(w.Internal);
        browser.App.Clock.Advance(TimeSpan.FromMinutes(20));
        await engineer.Locator("#update summary").ClickAsync();
        await engineer.Locator("#update-message").FillAsync(t.Update);
        await engineer.Locator("#update button[type=submit]").ClickAsync();
        await engineer.Locator("#resolve summary").ClickAsync();
        await engineer.Locator("#resolve-solution").FillAsync(t.Solution);
        await engineer.Locator("#resolve-cause").FillAsync(t.Cause);
        await engineer.Locator("#resolve-verification").SelectOptionAsync("remote");
        await engineer.Locator("#resolve button[type=submit]").ClickAsync();
        await Expect(engineer.Locator("#ticket-status .badge")).ToHaveTextAsync(w.Resolved);
        await Browser.ScreenshotAsync(engineer, "ticket-console" + w.Suffix);

        // The reporter sees the public timeline only, and confirms with five stars.
        browser.App.Clock.Advance(TimeSpan.FromMinutes(10));
        await alice.GotoAsync($"/tickets/{number}");
        await Expect(alice.Locator("#timeline")).ToContainTextAsync(t.UpdatePart);
        await Expect(alice.Locator("#timeline")).Not.ToContainTextAsync(t.WorkLogPart);
        await alice.Locator("label[for=confirm-resolved-0]").ClickAsync(); // "Yes": nothing is chosen for the reporter
        await alice.Locator("label[for=rating-5]").ClickAsync();
        await alice.Locator("#confirm-comment").FillAsync(t.Confirmation);
        await Browser.ScreenshotAsync(alice, "ticket-reporter" + w.Suffix);
        await alice.Locator("#confirm-form button[type=submit]").ClickAsync();
        await Expect(alice.Locator(".alert.success")).ToHaveTextAsync(w.Thanks);
        await Expect(alice.Locator("#ticket-rating")).ToHaveTextAsync("★★★★★");

        // The engineer closes with the summary.
        await engineer.GotoAsync($"/tickets/{number}");
        await engineer.Locator("#close-cause").FillAsync(t.CloseCause);
        await engineer.Locator("#close-solution").FillAsync(t.CloseSolution);
        await engineer.Locator("#close button[type=submit]").ClickAsync();
        await Expect(engineer.Locator("#ticket-status .badge")).ToHaveTextAsync(w.Closed);

        await alice.GotoAsync($"/tickets/{number}");
        await Expect(alice.Locator("#ticket-status .badge")).ToHaveTextAsync(w.Closed);

        // The supervisor's dashboard counts the rating.
        await lead.GotoAsync("/dashboard");
        await Expect(lead.Locator("svg[aria-label] >> nth=0")).ToBeVisibleAsync();
        await Expect(lead.Locator("#dashboard-stats")).ToContainTextAsync("★");
        await Browser.ScreenshotAsync(lead, "dashboard" + w.Suffix);
        foreach (var page in new[] { alice, engineer, lead })
        {
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex(@"^20260520-\d{3}$")]
    private static partial Regex TicketNumber();
}
