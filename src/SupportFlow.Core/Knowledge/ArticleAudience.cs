namespace SupportFlow.Knowledge;

/// <summary>Who may read an article: everyone (reporters too) or engineers only (staff).</summary>
public enum ArticleAudience
{
    Reporters,
    Engineers,
}
