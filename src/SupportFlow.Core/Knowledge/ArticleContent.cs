namespace SupportFlow.Knowledge;

/// <summary>What an author writes: one version of an article's text and tags.</summary>
public sealed record ArticleContent(
    string Title,
    string Body,
    ArticleAudience Audience,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string> Tags)
{
    public bool SameAs(ArticleContent other) =>
        Title == other.Title && Body == other.Body && Audience == other.Audience
        && Modules.SequenceEqual(other.Modules, StringComparer.Ordinal) && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal);
}
