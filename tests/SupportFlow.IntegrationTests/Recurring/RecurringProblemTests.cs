using System.Net;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Reviews;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Recurring;

/// <summary>Recurring problems: three similar tickets on one module within 30 days open a review; unrelated ones do not.</summary>
public sealed class RecurringProblemTests : IAsyncLifetime
{
    private static readonly (string Title, string Description)[] PaperJams =
    [
        ("会议室A打印机卡纸", "打印机显示纸张卡住,无法打印"),
        ("会议室打印机又卡纸了", "打印机提示卡纸,取出纸张后仍然无法打印"),
        ("打印机卡纸无法打印", "打印时打印机卡纸,显示纸张卡住"),
    ];

    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private Task<string> ReportAsync(string module, string title, string description, HttpClient? by = null) =>
        _desk.ReportAsync(by, r =>
        {
            r["module"] = module;
            r["title"] = title;
            r["description"] = description;
            r["priority"] = "P3";
        });

    private async Task<List<JsonObject>> RecurringReviewsAsync() =>
        [.. (await (await _desk.Supervisor.GetAsync("/api/reviews?trigger=recurringProblem")).JsonArray()).Select(r => r!.AsObject())];

    [Fact]
    public async Task ThreeSimilarChineseTicketsOnOneModuleWithin30DaysOpenARecurringProblemReview()
    {
        var first = await ReportAsync(Desk.Printer, PaperJams[0].Title, PaperJams[0].Description);
        _desk.App.Clock.Advance(TimeSpan.FromDays(10));
        var second = await ReportAsync(Desk.Printer, PaperJams[1].Title, PaperJams[1].Description, _desk.Bob);
        Assert.Empty(await RecurringReviewsAsync());
        _desk.App.Clock.Advance(TimeSpan.FromDays(10));

        var third = await ReportAsync(Desk.Printer, PaperJams[2].Title, PaperJams[2].Description);

        var review = Assert.Single(await RecurringReviewsAsync());
        Assert.Equal(Desk.Printer, review.Str("module"));
        Assert.Equal("open", review.Str("status"));
        Assert.Equal([first, second, third], review["tickets"]!.AsArray().Select(t => t.Str("number")));
        Assert.Contains(await _desk.HistoryAsync(first), h => h.Str("action") == "review");
        Assert.Equal($"3 similar tickets on {Desk.Printer} within 30 days", review.Str("reason"));
        using (var inChinese = new HttpRequestMessage(HttpMethod.Get, $"/api/reviews/{review.Num("id")}"))
        {
            inChinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
            var chinese = await (await _desk.Supervisor.SendAsync(inChinese)).Json(HttpStatusCode.OK);
            Assert.Equal($"30 天内 {Desk.Printer} 上有 3 个相似工单", chinese.Str("reason"));
        }


        // The engineer sees the others as possible duplicates, and the review they belong to.
        var similar = await (await _desk.OtherEngineer.GetAsync($"/api/tickets/{third}/similar")).Json(HttpStatusCode.OK);
        Assert.True(similar["recurring"]!.GetValue<bool>());
        Assert.Equal(review.Num("id"), similar.Num("review"));
        Assert.Equal([first, second], similar["tickets"]!.AsArray().Select(t => t.Str("number")).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync($"/api/tickets/{third}/similar")).StatusCode);

        // A fourth joins the open review instead of opening another.
        var fourth = await ReportAsync(Desk.Printer, "打印机又卡纸", "纸张卡住了,无法打印");
        review = Assert.Single(await RecurringReviewsAsync());
        Assert.Contains(fourth, review["tickets"]!.AsArray().Select(t => t.Str("number")));

        var report = await (await _desk.Supervisor.GetAsync("/api/reports/recurring")).Json(HttpStatusCode.OK);
        var top = Assert.Single(report["modules"]!.AsArray());
        Assert.Equal((Desk.Printer, 1, 4), (top.Str("module"), top.Num("reviews"), top.Num("tickets")));
    }

    [Fact]
    public async Task ThreeUnrelatedTicketsOnOneModuleOpenNoReview()
    {
        var numbers = new List<string>
        {
            await ReportAsync(Desk.Printer, PaperJams[0].Title, PaperJams[0].Description),
            await ReportAsync(Desk.Printer, "扫描件发送不到邮箱", "扫描后提示发送失败,邮箱收不到"),
            await ReportAsync(Desk.Printer, "触摸屏显示乱码", "操作面板上的文字都是乱码"),
        };

        Assert.Empty(await RecurringReviewsAsync());
        var similar = await (await _desk.OtherEngineer.GetAsync($"/api/tickets/{numbers[2]}/similar")).Json(HttpStatusCode.OK);
        Assert.Empty(similar["tickets"]!.AsArray());
        Assert.False(similar["recurring"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SimilarTicketsOnDifferentModulesOrMoreThan30DaysApartOpenNoReview()
    {
        var old = await ReportAsync(Desk.Printer, PaperJams[0].Title, PaperJams[0].Description);
        await ReportAsync(Desk.SalesModule, PaperJams[1].Title, PaperJams[1].Description);
        _desk.App.Clock.Advance(TimeSpan.FromDays(31));
        var late = await ReportAsync(Desk.Printer, PaperJams[2].Title, PaperJams[2].Description);

        Assert.Empty(await RecurringReviewsAsync());

        // Still open, the old ticket is a possible duplicate; it is just not part of a recurrence.
        var similar = await (await _desk.Supervisor.GetAsync($"/api/tickets/{late}/similar")).Json(HttpStatusCode.OK);
        Assert.Equal([old], similar["tickets"]!.AsArray().Select(t => t.Str("number")));
        Assert.False(similar["recurring"]!.GetValue<bool>());
    }
}
