using SupportFlow.Common;
using SupportFlow.Knowledge;

namespace SupportFlow.Server.Knowledge;

public sealed record ArticleSummary(int Id, string Title, ArticleAudience Audience, string[] Modules, string[] Tags, int Version,
    DateTimeOffset UpdatedAt, string Excerpt, double? Score = null)
{
    public static ArticleSummary From(Article a, OrganizationTime org, double? score = null) =>
        new(a.Id, a.Title, a.Audience, [.. a.Modules], [.. a.Tags], a.CurrentVersion, org.Local(a.UpdatedAt), ExcerptOf(a.Body),
            score is { } s ? Math.Round(s, 3) : null);

    /// <summary>The start of the body as plain-ish text, for lists and suggestions.</summary>
    private static string ExcerptOf(string body)
    {
        var text = string.Join(' ', body.Split('\n').Select(l => l.Trim().TrimStart('#', '>', '-', '*', ' ')).Where(l => l.Length > 0));
        return text.Length <= 160 ? text : text[..159] + "…";
    }
}

public sealed record ArticleSources(string[] Tickets, int? Review);

public sealed record ArticleResponse(
    int Id,
    string Title,
    string Body,
    string Html,
    ArticleAudience Audience,
    string[] Modules,
    string[] Tags,
    int Version,
    ArticleSources Sources,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public static ArticleResponse From(Article a, OrganizationTime org) => new(
        a.Id, a.Title, a.Body, ArticleMarkdown.ToSafeHtml(a.Body), a.Audience, [.. a.Modules], [.. a.Tags], a.CurrentVersion,
        new ArticleSources([.. a.SourceTickets], a.SourceReviewId), org.Local(a.CreatedAt), a.CreatedBy, org.Local(a.UpdatedAt),
        a.UpdatedBy);
}

public sealed record ArticleVersionResponse(int Number, string Title, string Body, string? Html, ArticleAudience Audience,
    string[] Modules, string[] Tags, string Author, string AuthorName, DateTimeOffset At, string? Note)
{
    public static ArticleVersionResponse From(ArticleVersion v, OrganizationTime org, bool withText) => new(
        v.Number, v.Title, withText ? v.Body : "", withText ? ArticleMarkdown.ToSafeHtml(v.Body) : null, v.Audience,
        [.. v.Modules], [.. v.Tags], v.AuthorLogin, v.AuthorName, org.Local(v.At), v.Note);
}

/// <summary>A pre-filled article for the author to finish: from a closed ticket or a review.</summary>
public sealed record ArticleDraftResponse(string Title, string Body, ArticleAudience Audience, string[] Modules, string[] Tags,
    ArticleSources Sources);
