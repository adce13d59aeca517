namespace SupportFlow.Routing;

/// <summary>The chat platforms a team's group can live on; each has its own webhook format.</summary>
public enum ChatKind
{
    Wecom,
    Dingtalk,
    Feishu,
    Slack,
    Teams,
    Generic,
}

/// <summary>
/// A team's chat group: an incoming-webhook address and, where the platform signs requests
/// (DingTalk, Feishu, generic), the signing secret. The secret is never shown back by the API.
/// </summary>
public sealed record ChatGroup(ChatKind Kind, string Url, string? Secret);
