using SupportFlow.Common;
using SupportFlow.Knowledge;
using SupportFlow.Tests.Tickets;

namespace SupportFlow.Tests.Knowledge;

public sealed class ArticleTests
{
    private readonly Desk _desk = new();

    private static ArticleContent Content(string title, string body = "Open the rear cover.",
        ArticleAudience audience = ArticleAudience.Reporters) => new(title, body, audience, [], ["printer"]);

    [Fact]
    public void EveryEditIsANewVersionWithItsAuthorAndTime()
    {
        var article = Article.Write(Content("打印机卡纸"), _desk.Owner, _desk.Next(), ["20260520-001"], null);
        var edited = _desk.Next();

        article.Revise(Content("会议室打印机卡纸怎么办"), _desk.Supervisor, edited, "Clearer title", basedOn: 1);

        Assert.Equal(2, article.CurrentVersion);
        Assert.Equal([1, 2], article.Versions.Select(v => v.Number));
        Assert.Equal("打印机卡纸", article.Versions[0].Title);
        Assert.Equal(["eve", "sam"], article.Versions.Select(v => v.AuthorLogin));
        Assert.Equal(edited, article.Versions[1].At);
        Assert.Equal(["20260520-001"], article.SourceTickets);
    }

    [Fact]
    public void AnEditBasedOnAnOldVersionOrChangingNothingIsRefused()
    {
        var article = Article.Write(Content("打印机卡纸"), _desk.Owner, _desk.Next(), [], null);
        article.Revise(Content("打印机卡纸", "New body"), _desk.Owner, _desk.Next(), null, basedOn: 1);

        Assert.Throws<DomainException>(() => article.Revise(Content("Other"), _desk.Owner, _desk.Next(), null, basedOn: 1));
        Assert.Throws<DomainException>(() => article.Revise(Content("打印机卡纸", "New body"), _desk.Owner, _desk.Next(), null, null));
        Assert.Equal(2, article.Versions.Count);
    }

    [Fact]
    public void ReportersReadOnlyArticlesForReportersAndWriteNone()
    {
        var forEngineers = Article.Write(Content("Spooler", audience: ArticleAudience.Engineers), _desk.Owner, _desk.Next(), [], null);
        var forEveryone = Article.Write(Content("Paper jam"), _desk.Owner, _desk.Next(), [], null);

        Assert.False(forEngineers.IsVisibleTo(_desk.Reporter));
        Assert.True(forEngineers.IsVisibleTo(_desk.Owner));
        Assert.True(forEveryone.IsVisibleTo(_desk.Reporter));
        Assert.Throws<ForbiddenException>(() => Article.Write(Content("Mine"), _desk.Reporter, _desk.Next(), [], null));
    }

    [Fact]
    public void SanitisingStripsScriptsHandlersAndScriptLinksButKeepsFormatting()
    {
        var html = ArticleMarkdown.ToSafeHtml("# 卡纸\n\n*slowly*\n\n<script>alert(1)</script><a href=\"javascript:alert(1)\" onclick=\"x()\">x</a>");

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<em>slowly</em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SearchRanksTheArticleThatContainsWhatWasTyped()
    {
        var printer = Article.Write(new ArticleContent("会议室打印机卡纸怎么办", "Open the rear cover; pull the paper out.",
            ArticleAudience.Reporters, ["Meeting room A printer"], ["打印机"]), _desk.Owner, _desk.Next(), [], null);
        var captcha = Article.Write(Content("登录时提示验证码错误", "清除缓存"), _desk.Owner, _desk.Next(), [], null);

        var ranked = ArticleSearch.Rank("打印机卡纸", [captcha, printer], ArticleSearch.SuggestThreshold).ToList();

        Assert.Equal([printer], ranked.Select(r => r.Article));
        Assert.Equal(1.0, ranked[0].Score);
        Assert.Empty(ArticleSearch.Rank("  ", [printer], 0));
    }
}
