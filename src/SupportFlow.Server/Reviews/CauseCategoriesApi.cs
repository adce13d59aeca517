using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reviews;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Reviews;

/// <summary>
/// The editable list of cause categories (<c>/api/reviews/categories</c>): staff read it,
/// supervisors add, rename and retire entries. A retired one stays on the reviews that used it.
/// </summary>
public static partial class CauseCategoriesApi
{
    public static void MapCauseCategories(this RouteGroupBuilder reviews)
    {
        reviews.MapGet("/categories", List);
        reviews.MapGet("/categories/{key}", Get);
        reviews.MapPost("/categories", Create).RequireAuthorization(Policies.Supervisor);
        reviews.MapPut("/categories/{key}", Update).RequireAuthorization(Policies.Supervisor);
    }

    private static async Task<Ok<CauseCategoryResponse[]>> List(bool? all, CauseCategoryList categories, CancellationToken ct) =>
        TypedResults.Ok(await categories.ListAsync(all, ct));

    private static async Task<Created<CauseCategoryResponse>> Create(CauseCategoryRequest request, CauseCategoryList categories,
        CancellationToken ct)
    {
        var category = await categories.CreateAsync(request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/reviews/categories", category.Key), category);
    }

    private static async Task<Ok<CauseCategoryResponse>> Update(string key, CauseCategoryRequest request, CauseCategoryList categories,
        CancellationToken ct) =>
        TypedResults.Ok(await categories.UpdateAsync(key, request, ct));

    /// <summary>Where the <c>Location</c> of a new category points.</summary>
    internal static async Task<Ok<CauseCategoryResponse>> Get(string key, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(CauseCategoryResponse.From(await FindAsync(db, key, ct)));

    private static async Task<CauseCategory> FindAsync(SupportFlowDbContext db, string key, CancellationToken ct) =>
        await db.CauseCategories.SingleOrDefaultAsync(c => c.Key == key, ct)
            ?? throw new NotFoundException("Cause category '{0}' was not found.", key);

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    internal static partial Regex KeyShape();
}
