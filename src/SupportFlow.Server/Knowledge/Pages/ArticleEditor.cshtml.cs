using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Common;
using SupportFlow.Knowledge;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Knowledge.Pages;

/// <summary>
/// Staff write an article (pre-filled from a closed ticket or a review) or a new version of one.
/// The form fills the API's <see cref="ArticleRequest"/>; each save is a version.
/// </summary>
[Authorize(Policy = WebAuth.Staff)]
public sealed class ArticleEditorModel(Handbook handbook, UiText text) : WebPage
{
    public int? Id { get; private set; }

    public string? FromTicket { get; private set; }

    public int? FromReview { get; private set; }

    /// <summary>What the form starts with: the current version, a draft, or nothing.</summary>
    public ArticleDraftResponse Draft { get; private set; } = new("", "", ArticleAudience.Reporters, [], [], new ArticleSources([], null));

    public int? BasedOnVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, string? fromTicket, int? fromReview, CancellationToken ct) =>
        await LoadAsync(id, fromTicket, fromReview, ct) ? Page() : MissingPage();

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var fromTicket = id is null ? Empty(Posted("fromTicket")) : null;
        var fromReview = id is null && int.TryParse(Posted("fromReview"), out var r) ? r : (int?)null;
        try
        {
            return await AttemptAsync("article", async () =>
            {
                var request = new ArticleRequest(Posted("title"), Posted("body"), Posted("audience"), List(Posted("modules")),
                    List(Posted("tags")), fromTicket, fromReview, id is null ? null : Empty(Posted("note")),
                    int.TryParse(Posted("basedOnVersion"), out var v) ? v : null);
                var article = id is { } existing
                    ? await handbook.ReviseAsync(Actor, existing, request, ct)
                    : await handbook.CreateAsync(Actor, request, ct);
                Notice = text.Format("Saved as version {0}.", article.Version);
                return LocalRedirect($"/faq/{article.Id}");
            }, async () =>
            {
                if (!await LoadAsync(id, fromTicket, fromReview, ct))
                {
                    throw new NotFoundException("Not found.");
                }
            });
        }
        catch (NotFoundException)
        {
            return MissingPage();
        }
    }

    private async Task<bool> LoadAsync(int? id, string? fromTicket, int? fromReview, CancellationToken ct)
    {
        Id = id;
        try
        {
            if (id is { } existing)
            {
                var a = await handbook.GetAsync(Actor, existing, ct);
                Draft = new ArticleDraftResponse(a.Title, a.Body, a.Audience, a.Modules, a.Tags, a.Sources);
                BasedOnVersion = a.Version;
            }
            else if (fromTicket is not null || fromReview is not null)
            {
                FromTicket = fromTicket;
                FromReview = fromReview;
                Draft = await handbook.DraftAsync(fromTicket, fromReview, ct);
            }
        }
        catch (NotFoundException)
        {
            return false;
        }

        return true;
    }

    private static string[]? List(string? value) => value is null
        ? null
        : [.. value.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
