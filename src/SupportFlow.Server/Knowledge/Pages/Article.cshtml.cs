using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Common;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Knowledge.Pages;

/// <summary>One article, its Markdown rendered and sanitised by the API's own response, with every version; <c>?version=n</c> shows an older one.</summary>
[Authorize(Policy = WebAuth.SignedIn)]
public sealed class ArticleModel(Handbook handbook) : WebPage
{
    public ArticleResponse Article { get; private set; } = null!;

    public IReadOnlyList<ArticleVersionResponse> Versions { get; private set; } = [];

    /// <summary>The older version asked for, when one is.</summary>
    public ArticleVersionResponse? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken ct)
    {
        try
        {
            Article = await handbook.GetAsync(Actor, id, ct);
            Versions = await handbook.VersionsAsync(Actor, id, ct);
            if (version is { } n && n != Article.Version)
            {
                Shown = await handbook.VersionAsync(Actor, id, n, ct);
            }
        }
        catch (NotFoundException)
        {
            return MissingPage();
        }

        return Page();
    }
}
