using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Data;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Reviews.Pages;

/// <summary>
/// The cause categories reviews are filed under, for supervisors and admins: add one, rename it in
/// either language, retire it or bring it back, through the API's own handlers.
/// </summary>
[Authorize(Policy = WebAuth.Supervisor)]
public sealed class CauseCategoriesModel(SupportFlowDbContext db, UiText text) : WebPage
{
    public IReadOnlyList<CauseCategoryResponse> Categories { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        AttemptAsync("add", async () =>
        {
            var created = await CauseCategoriesApi.Create(
                new CauseCategoryRequest(Posted("key"), Posted("nameEn"), Posted("nameZh"), true), db, ct);
            Notice = text.Format("Cause category {0} added.", Name(created.Value!));
            return LocalRedirect("/reviews/categories");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostUpdateAsync(string key, CancellationToken ct) =>
        AttemptAsync("category-" + key, async () =>
        {
            var changed = await CauseCategoriesApi.Update(key,
                new CauseCategoryRequest(null, Posted("nameEn"), Posted("nameZh"), Posted("active") switch { "true" => true, "false" => false, _ => null }),
                db, ct);
            Notice = text.Format("Cause category {0} changed.", Name(changed.Value!));
            return LocalRedirect("/reviews/categories");
        }, () => LoadAsync(ct));

    private string Name(CauseCategoryResponse category) => text.IsChinese ? category.NameZh : category.NameEn;

    private async Task LoadAsync(CancellationToken ct) =>
        Categories = (await CauseCategoriesApi.List(true, db, ct)).Value!;
}
