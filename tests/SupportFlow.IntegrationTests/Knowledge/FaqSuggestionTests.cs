using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Reviews;

namespace SupportFlow.IntegrationTests.Knowledge;

/// <summary>The report form's suggestions, search in both languages, and the problems solved without a ticket.</summary>
public sealed class FaqSuggestionTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task AReporterTypingPrinterJamSeesThePrinterArticleSuggested()
    {
        var printer = (await _desk.WritePrinterArticleAsync()).Num("id");
        var captcha = (await _desk.Engineer.WriteAsync(new
        {
            title = "登录时提示验证码错误", body = "清除浏览器缓存后刷新页面。", audience = "reporters", modules = new[] { Desk.SalesModule },
        })).Num("id");

        var suggested = await _desk.Alice.IdsAsync("/api/faq/suggest?text=" + Uri.EscapeDataString("打印机卡纸"));

        Assert.Equal(printer, suggested.First());
        Assert.DoesNotContain(captcha, suggested);
        Assert.Empty(await _desk.Alice.IdsAsync("/api/faq/suggest?text=" + Uri.EscapeDataString("邮箱满了")));
    }

    [Fact]
    public async Task ArticlesAreFoundInChineseAndInEnglish()
    {
        var printer = (await _desk.WritePrinterArticleAsync()).Num("id");

        Assert.Equal([printer], await _desk.Alice.IdsAsync("/api/faq?q=" + Uri.EscapeDataString("卡纸")));
        Assert.Equal([printer], await _desk.Alice.IdsAsync("/api/faq?q=paper%20jam"));
        Assert.Equal([printer], await _desk.Alice.IdsAsync("/api/faq?q=Printer"));
        Assert.Equal([printer], await _desk.Alice.IdsAsync("/api/faq?module=" + Uri.EscapeDataString(Desk.Printer)));
        Assert.Empty(await _desk.Alice.IdsAsync("/api/faq?q=vpn"));
    }

    [Fact]
    public async Task ThisSolvedMyProblemCountsADeflectionForTheArticle()
    {
        var printer = (await _desk.WritePrinterArticleAsync()).Num("id");

        Assert.Equal(HttpStatusCode.NoContent,
            (await _desk.Alice.PostAsJsonAsync($"/api/faq/{printer}/solved", new { text = "打印机卡纸" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _desk.Bob.PostAsync($"/api/faq/{printer}/solved", null)).StatusCode);

        var report = await (await _desk.Supervisor.GetAsync("/api/reports/faq")).Json(HttpStatusCode.OK);
        Assert.Equal(2, report.Num("deflections"));
        var top = Assert.Single(report["articles"]!.AsArray());
        Assert.Equal(printer, top.Num("id"));
        Assert.Equal(2, top.Num("deflections"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Engineer.GetAsync("/api/reports/faq")).StatusCode);
    }
}
