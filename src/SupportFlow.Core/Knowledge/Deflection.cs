namespace SupportFlow.Knowledge;

/// <summary>
/// A problem solved without a ticket: someone who was offered the article said "this solved my
/// problem". Counted only on that explicit word; opening a suggestion and leaving proves nothing.
/// </summary>
public sealed class Deflection
{
    private Deflection()
    {
    }

    public Deflection(int articleId, int? userId, string? text, DateTimeOffset at)
    {
        ArticleId = articleId;
        UserId = userId;
        Text = text;
        At = at;
    }

    public long Id { get; private set; }

    public int ArticleId { get; private set; }

    public int? UserId { get; private set; }

    /// <summary>What the reporter had typed into the report form, if the form sent it.</summary>
    public string? Text { get; private set; }

    public DateTimeOffset At { get; private set; }
}
