using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Knowledge.Pages;

/// <summary>One article, its Markdown rendered and sanitised by the API's own response, with every version; <c>?version=n</c> shows an older one.</summary>
[Authorize(Policy = WebAuth.SignedIn)]
public sealed class ArticleModel(SupportFlowDbContext db, OrganizationTime org) : WebPage
{
    public ArticleResponse Article { get; private set; } = null!;

    public IReadOnlyList<ArticleVersionResponse> Versions { get; private set; } = [];

    /// <summary>The older version asked for, when one is.</summary>
    public ArticleVersionResponse? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken ct)
    {
        try
        {
            Article = (await FaqApi.Get(id, HttpContext, db, org, ct)).Value!;
            Versions = (await FaqApi.Versions(id, HttpContext, db, org, ct)).Value!;
            if (version is { } n && n != Article.Version)
            {
                Shown = (await FaqApi.Version(id, n, HttpContext, db, org, ct)).Value!;
            }
        }
        catch (NotFoundException)
        {
            return MissingPage();
        }

        return Page();
    }
}
