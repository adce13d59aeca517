using SupportFlow.Common;
using SupportFlow.Users;

namespace SupportFlow.Knowledge;

/// <summary>
/// A FAQ handbook article (常见问题处理手册). Holds its current text for reading and searching,
/// and every version ever saved; editing appends a version. Remembers the tickets and the
/// review it was written from.
/// </summary>
public sealed class Article
{
    private readonly List<ArticleVersion> _versions = [];

    private Article()
    {
    }

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Markdown, as written; rendered to sanitised HTML on reading (<see cref="ArticleMarkdown"/>).</summary>
    public string Body { get; private set; } = "";

    public ArticleAudience Audience { get; private set; }

    /// <summary>Names of the modules it is about ("Meeting room A printer").</summary>
    public List<string> Modules { get; private set; } = [];

    /// <summary>Category tags ("printer", "login", "network").</summary>
    public List<string> Tags { get; private set; } = [];

    /// <summary>The tickets it was written from (numbers never change).</summary>
    public List<string> SourceTickets { get; private set; } = [];

    public int? SourceReviewId { get; private set; }

    /// <summary>The number of the current version; also the concurrency token, so two editors cannot both save over one version.</summary>
    public int CurrentVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<ArticleVersion> Versions => _versions;

    public static Article Write(ArticleContent content, Actor author, DateTimeOffset now, IReadOnlyList<string> sourceTickets,
        int? sourceReviewId)
    {
        EnsureAuthor(author);
        var article = new Article
        {
            SourceTickets = [.. sourceTickets],
            SourceReviewId = sourceReviewId,
            CreatedAt = now,
            CreatedBy = author.Login,
        };
        article.Apply(content, author, now, null);
        return article;
    }

    /// <summary>Saves a new version. <paramref name="basedOn"/>, when given, must be the current version (no lost update).</summary>
    public void Revise(ArticleContent content, Actor author, DateTimeOffset now, string? note, int? basedOn)
    {
        EnsureAuthor(author);
        if (basedOn is { } seen && seen != CurrentVersion)
        {
            throw new DomainException(
                "Article {0} is at version {1}, not {2}: someone else saved meanwhile. Reload it and edit again.", Id, CurrentVersion, seen);
        }

        if (content.SameAs(Content))
        {
            throw new DomainException("Nothing changed: article {0} already reads like that (version {1}).", Id, CurrentVersion);
        }

        Apply(content, author, now, note);
    }

    public ArticleContent Content => new(Title, Body, Audience, Modules, Tags);

    /// <summary>Reporters see articles for reporters; staff see every article.</summary>
    public bool IsVisibleTo(Actor actor) => actor.IsStaff || Audience == ArticleAudience.Reporters;

    private void Apply(ArticleContent content, Actor author, DateTimeOffset now, string? note)
    {
        Title = content.Title;
        Body = content.Body;
        Audience = content.Audience;
        Modules = [.. content.Modules];
        Tags = [.. content.Tags];
        CurrentVersion++;
        UpdatedAt = now;
        UpdatedBy = author.Login;
        _versions.Add(new ArticleVersion(CurrentVersion, content, author, now, note));
    }

    private static void EnsureAuthor(Actor author)
    {
        if (!author.IsStaff)
        {
            throw new ForbiddenException("Handbook articles are written by engineers and supervisors.");
        }
    }
}
