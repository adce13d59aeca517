using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reviews;

namespace SupportFlow.Server.Reviews;

/// <summary>The editable list of cause categories: the API and the supervisors' page read and change it here.</summary>
public sealed class CauseCategoryList(SupportFlowDbContext db)
{
    public async Task<CauseCategoryResponse[]> ListAsync(bool? all, CancellationToken ct) =>
        [.. (await db.CauseCategories.AsNoTracking().Where(c => all == true || c.IsActive).OrderBy(c => c.Id).ToListAsync(ct))
            .Select(CauseCategoryResponse.From)];

    public async Task<CauseCategoryResponse> CreateAsync(CauseCategoryRequest request, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var key = errors.Required("key", request.Key, Limits.Name);
        if (key.Length > 0 && !CauseCategoriesApi.KeyShape().IsMatch(key))
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
        return CauseCategoryResponse.From(category);
    }

    public async Task<CauseCategoryResponse> UpdateAsync(string key, CauseCategoryRequest request, CancellationToken ct)
    {
        var category = await db.CauseCategories.SingleOrDefaultAsync(c => c.Key == key, ct)
            ?? throw new NotFoundException("Cause category '{0}' was not found.", key);
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
        return CauseCategoryResponse.From(category);
    }
}
