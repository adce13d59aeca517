using Microsoft.AspNetCore.Authorization;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Knowledge.Pages;

/// <summary>The FAQ handbook (常见问题处理手册): newest first, or ranked by a search in Chinese or English; reporters see only their articles.</summary>
[Authorize(Policy = WebAuth.SignedIn)]
public sealed class FaqModel(Handbook handbook) : WebPage
{
    public string? Query { get; private set; }

    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Articles = await handbook.ListAsync(Actor, Query, null, null, ct);
    }
}
