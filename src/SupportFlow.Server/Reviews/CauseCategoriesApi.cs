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

    internal static async Task<Ok<CauseCategoryResponse[]>> List(bool? all, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.CauseCategories.AsNoTracking().Where(c => all == true || c.IsActive).OrderBy(c => c.Id).ToListAsync(ct))
            .Select(CauseCategoryResponse.From).ToArray());

    internal static async Task<Created<CauseCategoryResponse>> Create(CauseCategoryRequest request, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        var key = errors.Required("key", request.Key, Limits.Name);
        if (key.Length > 0 && !KeyShape().IsMatch(key))
        {
            errors.Add("key", "'{0}' is not a key: letters and digits, starting with a lower-case letter (e.g. powerSupply).", key);
        }

        var nameEn = errors.Required("nameEn", request.NameEn, Limits.Name);
        var nameZh = errors.Required("nameZh", request.NameZh, Limits.Name);
        errors.ThrowIfInvalid();
        if (await db.CauseCategories.AnyAsync(c => c.Key == key, ct))
        {
            throw new DomainException("Cause category '{0}' already exists.", key);
        }

        var category = new CauseCategory(key, nameEn, nameZh) { IsActive = request.Active ?? true };
        db.CauseCategories.Add(category);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ResourceUrl.For("/api/reviews/categories", key), CauseCategoryResponse.From(category));
    }

    /// <summary>Where the <c>Location</c> of a new category points.</summary>
    internal static async Task<Ok<CauseCategoryResponse>> Get(string key, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(CauseCategoryResponse.From(await FindAsync(db, key, ct)));

    internal static async Task<Ok<CauseCategoryResponse>> Update(string key, CauseCategoryRequest request, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var category = await FindAsync(db, key, ct);
        var errors = new RequestErrors();
        if (request.Key is not null && request.Key != key)
        {
            errors.Add("key", "A category's key cannot change: reviews refer to it. Retire it (active: false) and add another.");
        }

        var nameEn = request.NameEn is null ? null : errors.Required("nameEn", request.NameEn, Limits.Name);
        var nameZh = request.NameZh is null ? null : errors.Required("nameZh", request.NameZh, Limits.Name);
        errors.ThrowIfInvalid();
        category.NameEn = nameEn ?? category.NameEn;
        category.NameZh = nameZh ?? category.NameZh;
        category.IsActive = request.Active ?? category.IsActive;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CauseCategoryResponse.From(category));
    }

    private static async Task<CauseCategory> FindAsync(SupportFlowDbContext db, string key, CancellationToken ct) =>
        await db.CauseCategories.SingleOrDefaultAsync(c => c.Key == key, ct)
            ?? throw new NotFoundException("Cause category '{0}' was not found.", key);

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex KeyShape();
}
