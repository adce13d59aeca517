namespace SupportFlow.Knowledge;

/// <summary>One saved version of an article, kept as it was written: editing adds a version, never changes one.</summary>
public sealed class ArticleVersion
{
    private ArticleVersion()
    {
    }

    internal ArticleVersion(int number, ArticleContent content, Users.Actor author, DateTimeOffset at, string? note)
    {
        Number = number;
        Title = content.Title;
        Body = content.Body;
        Audience = content.Audience;
        Modules = [.. content.Modules];
        Tags = [.. content.Tags];
        AuthorLogin = author.Login;
        AuthorName = author.Name;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }

    public int ArticleId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public ArticleAudience Audience { get; private set; }

    public List<string> Modules { get; private set; } = [];

    public List<string> Tags { get; private set; } = [];

    /// <summary>Login and name as they were then.</summary>
    public string AuthorLogin { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    /// <summary>What changed, in the author's words.</summary>
    public string? Note { get; private set; }

    public ArticleContent Content => new(Title, Body, Audience, Modules, Tags);
}
