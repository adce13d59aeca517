using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Reviews;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Knowledge;

/// <summary>Handbook articles: versions, audience, safe Markdown, and articles written from tickets and reviews.</summary>
public sealed class FaqArticleTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task EditingAnArticleAddsAVersionAndEveryOldVersionStaysReadable()
    {
        var article = await _desk.Engineer.WriteAsync(new { title = "验证码错误", body = "Refresh the page.", audience = "reporters" });
        var id = article.Num("id");
        _desk.App.Clock.Advance(TimeSpan.FromHours(1));

        var revised = await TicketTestKit.Ok(_desk.Supervisor.PutAsJsonAsync($"/api/faq/{id}", new
        {
            title = "登录时提示验证码错误", body = "Clear the browser cache, then refresh.", note = "The real fix", basedOnVersion = 1,
        }));

        Assert.Equal(2, revised.Num("version"));
        var versions = await (await _desk.Alice.GetAsync($"/api/faq/{id}/versions")).JsonArray();
        Assert.Equal([1, 2], versions.Select(v => v.Num("number")));
        Assert.Equal(["eng1", "sup1"], versions.Select(v => v.Str("author")));
        Assert.Equal("2026-05-20T14:30:00+08:00", versions[0].Str("at"));
        Assert.Equal("2026-05-20T15:30:00+08:00", versions[1].Str("at"));
        Assert.Equal("The real fix", versions[1].Str("note"));
        var first = await (await _desk.Alice.GetAsync($"/api/faq/{id}/versions/1")).Json(HttpStatusCode.OK);
        Assert.Equal("验证码错误", first.Str("title"));
        Assert.Equal("Refresh the page.", first.Str("body"));
        Assert.Equal("登录时提示验证码错误", (await (await _desk.Alice.GetAsync($"/api/faq/{id}")).Json(HttpStatusCode.OK)).Str("title"));

        // A save based on a version that is no longer current, or one that changes nothing, is refused.
        Assert.Equal(HttpStatusCode.Conflict,
            (await _desk.Engineer.PutAsJsonAsync($"/api/faq/{id}", new { body = "Stale edit", basedOnVersion = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await _desk.Engineer.PutAsJsonAsync($"/api/faq/{id}", new { title = "登录时提示验证码错误" })).StatusCode);
        Assert.Equal(2, (await (await _desk.Alice.GetAsync($"/api/faq/{id}/versions")).JsonArray()).Count);
    }

    [Fact]
    public async Task ReportersNeverSeeAnEngineersOnlyArticleByIdListSearchSuggestionOrVersion()
    {
        var secret = await _desk.Engineer.WriteAsync(new
        {
            title = "打印服务器重启步骤", body = "SSH to print01 and restart the spooler. 打印机卡纸时先重启打印服务。", audience = "engineers",
        });
        var id = secret.Num("id");

        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Alice.GetAsync($"/api/faq/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Alice.GetAsync($"/api/faq/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Alice.GetAsync($"/api/faq/{id}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Alice.PostAsJsonAsync($"/api/faq/{id}/solved", new { })).StatusCode);
        Assert.DoesNotContain(id, await _desk.Alice.IdsAsync("/api/faq"));
        Assert.DoesNotContain(id, await _desk.Alice.IdsAsync("/api/faq?q=打印服务器"));
        Assert.DoesNotContain(id, await _desk.Alice.IdsAsync("/api/faq/suggest?text=打印服务器重启"));
        Assert.Contains(id, await _desk.Engineer.IdsAsync("/api/faq?q=打印服务器"));
        Assert.Contains(id, await _desk.Engineer.IdsAsync("/api/faq"));

        // Opened to reporters in version 2: the article is readable, its engineers-only version 1 is not.
        await TicketTestKit.Ok(_desk.Engineer.PutAsJsonAsync($"/api/faq/{id}", new { body = "Call the desk.", audience = "reporters" }));
        await (await _desk.Alice.GetAsync($"/api/faq/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Alice.GetAsync($"/api/faq/{id}/versions/1")).StatusCode);
        await (await _desk.Alice.GetAsync($"/api/faq/{id}/versions/2")).Json(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Forbidden,
            (await _desk.Alice.PostAsJsonAsync("/api/faq", new { title = "Mine", body = "text", audience = "reporters" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.PutAsJsonAsync($"/api/faq/{id}", new { title = "Mine" })).StatusCode);
    }

    [Fact]
    public async Task MarkdownIsRenderedToHtmlWithScriptsAndScriptLinksStripped()
    {
        var article = await _desk.Engineer.WriteAsync(new
        {
            title = "Pasted log",
            body = "**重启** the service\n\n<script>alert('x')</script>\n\n[help](javascript:alert(1))\n\n<img src=\"a.png\" onerror=\"alert(1)\">\n\n| a | b |\n|---|---|\n| 1 | 2 |",
            audience = "reporters",
        });

        var html = article.Str("html");
        Assert.Contains("<strong>重启</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert('x')", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<script>", article.Str("body"), StringComparison.Ordinal); // the source is kept as written
    }

    [Fact]
    public async Task AnArticleWrittenFromAClosedTicketIsPrefilledFromItsCauseAndSolution()
    {
        var closed = await _desk.TicketAtAsync(Stage.Closed);
        var open = await _desk.TicketAtAsync(Stage.InProgress);

        var article = await _desk.Engineer.WriteAsync(new { fromTicket = closed, audience = "reporters" });

        Assert.Equal("登录时提示验证码错误", article.Str("title"));
        Assert.Contains("Service hung", article.Str("body"), StringComparison.Ordinal);
        Assert.Contains("Restarted the service", article.Str("body"), StringComparison.Ordinal);
        Assert.Contains("## 原因 / Cause", article.Str("body"), StringComparison.Ordinal);
        Assert.Equal([closed], article["sources"]!["tickets"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal([Desk.SalesModule], article["modules"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("reporters", article.Str("audience"));
        Assert.Equal(HttpStatusCode.Conflict, (await _desk.Engineer.PostAsJsonAsync("/api/faq", new { fromTicket = open })).StatusCode);
    }

    [Fact]
    public async Task AnArticleWrittenFromAReviewCarriesItsRootCauseActionsAndSources()
    {
        var id = await _desk.RequestedReviewAsync();
        await TicketTestKit.Ok(_desk.Supervisor.PutAsJsonAsync($"/api/reviews/{id}",
            new { rootCause = "验证码服务时钟漂移", category = "thirdParty" }));
        await _desk.AddActionAsync(id, "eng1", "2026-06-30", "监控验证码服务器时钟");

        var draft = await (await _desk.Engineer.GetAsync($"/api/faq/draft?fromReview={id}")).Json(HttpStatusCode.OK);
        Assert.Contains("验证码服务时钟漂移 (第三方 / Third party)", draft.Str("body"), StringComparison.Ordinal);
        Assert.Contains("- 监控验证码服务器时钟", draft.Str("body"), StringComparison.Ordinal);

        var article = await _desk.Supervisor.WriteAsync(new { fromReview = id, title = "验证码错误的处理" });
        Assert.Equal("验证码错误的处理", article.Str("title"));
        Assert.Equal(id, article["sources"]!["review"]!.GetValue<int>());
        Assert.Single(article["sources"]!["tickets"]!.AsArray());
        Assert.Equal("engineers", article.Str("audience"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync($"/api/faq/draft?fromReview={id}")).StatusCode);
    }

    [Fact]
    public async Task BadArticlesAreRefusedPerField()
    {
        var before = (await _desk.Engineer.IdsAsync("/api/faq")).Count;

        var problem = await (await _desk.Engineer.PostAsJsonAsync("/api/faq", new { audience = "everyone", modules = new[] { "Fax" } }))
            .FieldError("title");
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("body"));
        Assert.True(errors.ContainsKey("audience"));
        Assert.True(errors.ContainsKey("modules"));
        await (await _desk.Engineer.GetAsync("/api/faq/suggest")).FieldError("text");

        Assert.Equal(before, (await _desk.Engineer.IdsAsync("/api/faq")).Count);
    }
}
