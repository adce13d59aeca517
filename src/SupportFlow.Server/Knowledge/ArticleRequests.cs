using SupportFlow.Common;
using SupportFlow.Knowledge;

namespace SupportFlow.Server.Knowledge;

/// <summary>
/// A new article, or a new version of one. Writing from a ticket or a review (<c>fromTicket</c>,
/// <c>fromReview</c>) pre-fills what is left out from its cause and solution.
/// </summary>
public sealed record ArticleRequest(
    string? Title,
    string? Body,
    string? Audience,
    string[]? Modules,
    string[]? Tags,
    string? FromTicket,
    int? FromReview,
    string? Note,
    int? BasedOnVersion)
{
    /// <summary>Checks the fields given; <paramref name="fallback"/> fills those left out (a draft, or the current version).</summary>
    public ArticleContent Parse(RequestErrors errors, ArticleContent? fallback)
    {
        var title = Title is null && fallback is not null ? fallback.Title : errors.Required("title", Title, Limits.Title);
        var body = Body is null && fallback is not null ? fallback.Body : errors.Required("body", Body, Limits.ArticleBody);
        var audience = Audience is null
            ? fallback?.Audience ?? ArticleAudience.Engineers
            : errors.Enum<ArticleAudience>("audience", Audience) ?? ArticleAudience.Engineers;
        var modules = Modules is null ? fallback?.Modules ?? [] : List(errors, "modules", Modules, Limits.Name);
        var tags = Tags is null ? fallback?.Tags ?? [] : List(errors, "tags", Tags, Limits.Tag);
        return new ArticleContent(title, body, audience, modules, tags);
    }

    public string? ParseNote(RequestErrors errors) => errors.Optional("note", Note, Limits.Reason);

    private static string[] List(RequestErrors errors, string field, string[] values, int maxLength)
    {
        if (values.Length > 20)
        {
            errors.Add(field, "{0}: at most 20.", field);
        }

        return [.. values.Select((v, i) => errors.Optional($"{field}[{i}]", v, maxLength)).OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>"This solved my problem": the article that helped, and what the reporter had typed (optional).</summary>
public sealed record SolvedRequest(string? Text);
