using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Auth;

namespace SupportFlow.Server.Routing;

public sealed record CategoryRouteRequest(string? Team);

public sealed record CategoryRouteResponse(string Category, string Team);

/// <summary>
/// Default teams per module category (<c>/api/routing/categories</c>): where tickets of a module
/// without a team of its own go. Without one either, tickets wait in the service desk queue.
/// </summary>
public static class CategoriesApi
{
    public static void MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/routing/categories").WithTags("Routing").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List);
        group.MapPut("/{category}", Put).RequireAuthorization(Policies.Admin);
        group.MapDelete("/{category}", Delete).RequireAuthorization(Policies.Admin);
    }

    private static async Task<Ok<CategoryRouteResponse[]>> List(SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.CategoryRoutes.AsNoTracking().Include(r => r.Team).OrderBy(r => r.Category).ToListAsync(ct))
            .Select(r => new CategoryRouteResponse(r.Category, r.Team.Name)).ToArray());

    private static async Task<Ok<CategoryRouteResponse>> Put(string category, CategoryRouteRequest request, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        var key = errors.Required("category", category, Limits.Name);
        var name = errors.Required("team", request.Team, Limits.Name);
        var team = name.Length == 0 ? null : await db.Teams.SingleOrDefaultAsync(t => t.Name == name, ct);
        if (name.Length > 0 && team is null)
        {
            errors.Add("team", "Unknown team '{0}'. Create it first with POST /api/teams.", name);
        }

        errors.ThrowIfInvalid();
        var route = await db.CategoryRoutes.SingleOrDefaultAsync(r => r.Category == key, ct);
        if (route is null)
        {
            db.CategoryRoutes.Add(new CategoryRoute(key, team!));
        }
        else
        {
            route.Team = team!;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CategoryRouteResponse(key, team!.Name));
    }

    private static async Task<NoContent> Delete(string category, SupportFlowDbContext db, CancellationToken ct) =>
        await db.CategoryRoutes.Where(r => r.Category == category).ExecuteDeleteAsync(ct) == 0
            ? throw new NotFoundException("Category '{0}' has no default team.", category)
            : TypedResults.NoContent();
}
