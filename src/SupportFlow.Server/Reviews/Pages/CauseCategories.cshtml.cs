using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Reviews.Pages;

/// <summary>
/// The cause categories reviews are filed under, for supervisors and admins: add one, rename it in
/// either language, retire it or bring it back, through the same <see cref="CauseCategoryList"/> as the API.
/// </summary>
[Authorize(Policy = WebAuth.Supervisor)]
public sealed class CauseCategoriesModel(CauseCategoryList categories, UiText text) : WebPage
{
    public IReadOnlyList<CauseCategoryResponse> Categories { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        AttemptAsync("add", async () =>
        {
            var created = await categories.CreateAsync(
                new CauseCategoryRequest(Posted("key"), Posted("nameEn"), Posted("nameZh"), true), ct);
            Notice = text.Format("Cause category {0} added.", Name(created));
            return LocalRedirect("/reviews/categories");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostUpdateAsync(string key, CancellationToken ct) =>
        AttemptAsync("category-" + key, async () =>
        {
            var changed = await categories.UpdateAsync(key,
                new CauseCategoryRequest(null, Posted("nameEn"), Posted("nameZh"), Posted("active") switch { "true" => true, "false" => false, _ => null }),
                ct);
            Notice = text.Format("Cause category {0} changed.", Name(changed));
            return LocalRedirect("/reviews/categories");
        }, () => LoadAsync(ct));

    private string Name(CauseCategoryResponse category) => text.IsChinese ? category.NameZh : category.NameEn;

    private async Task LoadAsync(CancellationToken ct) =>
        Categories = await categories.ListAsync(true, ct);
}
