using SupportFlow.Common;

namespace SupportFlow.Knowledge;

/// <summary>
/// Ranks articles against what someone typed, in Chinese or English (<see cref="TextSimilarity"/>):
/// how much of the query the article contains, its title and tags counting more than its body.
/// </summary>
public static class ArticleSearch
{
    /// <summary>At least half of what was typed must be found for an article to be suggested.</summary>
    public const double SuggestThreshold = 0.5;

    public static double Score(IReadOnlySet<string> query, Article article)
    {
        var heading = TextSimilarity.Tokens(string.Join(' ', [article.Title, .. article.Tags, .. article.Modules]));
        var body = TextSimilarity.Tokens(article.Body);
        body.UnionWith(heading);
        return Math.Max(TextSimilarity.Containment(query, heading), 0.9 * TextSimilarity.Containment(query, body));
    }

    /// <summary>The visible articles that match, best first.</summary>
    public static IEnumerable<(Article Article, double Score)> Rank(string text, IEnumerable<Article> articles, double threshold)
    {
        var query = TextSimilarity.Tokens(text);
        return query.Count == 0
            ? []
            : articles.Select(a => (Article: a, Score: Score(query, a)))
                .Where(r => r.Score >= threshold)
                .OrderByDescending(r => r.Score)
                .ThenByDescending(r => r.Article.UpdatedAt);
    }
}
