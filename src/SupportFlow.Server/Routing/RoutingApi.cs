using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Routing;

/// <summary><c>chat</c>: the team's chat group; on PUT an empty <c>url</c> removes it, an omitted <c>secret</c> keeps the old one.</summary>
public sealed record TeamRequest(string? Name, string[]? Members, string? AssignmentMode, ChatRequest? Chat = null);

public sealed record ChatRequest(string? Kind, string? Url, string? Secret);

/// <summary>The signing secret is write-only: the API says whether one is set, never what it is.</summary>
public sealed record ChatResponse(ChatKind Kind, string Url, bool HasSecret);

public sealed record TeamResponse(string Name, string[] Members, AssignmentMode AssignmentMode, ChatResponse? Chat)
{
    public static TeamResponse From(Team t) =>
        new(t.Name, [.. t.Members.Select(m => m.Login).Order(StringComparer.Ordinal)], t.AssignmentMode,
            t.Chat is { } chat ? new ChatResponse(chat.Kind, chat.Url, !string.IsNullOrEmpty(chat.Secret)) : null);
}

/// <summary><c>team</c> may be left out: the module's tickets then go to its category's default team.</summary>
public sealed record ModuleRequest(string? Name, string? Category, string? Team);

public sealed record ModuleResponse(string Name, string Category, string? Team)
{
    public static ModuleResponse From(Module m) => new(m.Name, m.Category, m.Team?.Name);
}

/// <summary>
/// Teams and modules: who is responsible for what. Anyone signed in may read modules (the
/// report form needs them); staff read teams; only admins change either.
/// </summary>
public static class RoutingApi
{
    public static void MapRoutingApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").WithTags("Routing").RequireAuthorization(Policies.Staff);
        teams.MapGet("/", Teams);
        teams.MapGet("/{name}", Team);
        teams.MapPost("/", CreateTeam).RequireAuthorization(Policies.Admin);
        teams.MapPut("/{name}", UpdateTeam).RequireAuthorization(Policies.Admin);
        teams.MapDelete("/{name}", DeleteTeam).RequireAuthorization(Policies.Admin);

        var modules = app.MapGroup("/api/modules").WithTags("Routing").RequireAuthorization();
        modules.MapGet("/", Modules);
        modules.MapGet("/{name}", Module);
        modules.MapPost("/", CreateModule).RequireAuthorization(Policies.Admin);
        modules.MapPut("/{name}", UpdateModule).RequireAuthorization(Policies.Admin);
        modules.MapDelete("/{name}", DeleteModule).RequireAuthorization(Policies.Admin);
        app.MapCategoriesApi();
        app.MapModuleVendorsApi();
    }

    private static async Task<Ok<TeamResponse[]>> Teams(SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Teams.AsNoTracking().Include(t => t.Members).OrderBy(t => t.Name).ToListAsync(ct))
            .Select(TeamResponse.From).ToArray());

    private static async Task<Ok<TeamResponse>> Team(string name, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(TeamResponse.From(await RoutingAdministration.FindTeamAsync(db, name, ct)));

    private static async Task<Created<TeamResponse>> CreateTeam(TeamRequest request, RoutingAdministration routing, CancellationToken ct)
    {
        var team = await routing.CreateTeamAsync(request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/teams", team.Name), TeamResponse.From(team));
    }

    private static async Task<Ok<TeamResponse>> UpdateTeam(string name, TeamRequest request, RoutingAdministration routing,
        CancellationToken ct) =>
        TypedResults.Ok(TeamResponse.From(await routing.UpdateTeamAsync(name, request, ct)));

    private static async Task<NoContent> DeleteTeam(string name, SupportFlowDbContext db, CancellationToken ct)
    {
        var team = await RoutingAdministration.FindTeamAsync(db, name, ct);
        if (await db.Modules.AnyAsync(m => m.TeamId == team.Id, ct) || await db.Tickets.AnyAsync(t => t.TeamId == team.Id, ct)
            || await db.CategoryRoutes.AnyAsync(r => r.TeamId == team.Id, ct))
        {
            throw new DomainException("Team '{0}' is responsible for modules or tickets; hand them to another team first.", name);
        }

        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ModuleResponse[]>> Modules(SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Modules.AsNoTracking().Include(m => m.Team).OrderBy(m => m.Name).ToListAsync(ct))
            .Select(ModuleResponse.From).ToArray());

    private static async Task<Ok<ModuleResponse>> Module(string name, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ModuleResponse.From(await RoutingAdministration.FindModuleAsync(db, name, ct)));

    private static async Task<Created<ModuleResponse>> CreateModule(ModuleRequest request, RoutingAdministration routing,
        CancellationToken ct)
    {
        var module = await routing.CreateModuleAsync(request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/modules", module.Name), ModuleResponse.From(module));
    }

    private static async Task<Ok<ModuleResponse>> UpdateModule(string name, ModuleRequest request, RoutingAdministration routing,
        CancellationToken ct) =>
        TypedResults.Ok(ModuleResponse.From(await routing.UpdateModuleAsync(name, request, ct)));

    private static async Task<NoContent> DeleteModule(string name, SupportFlowDbContext db, CancellationToken ct)
    {
        var module = await RoutingAdministration.FindModuleAsync(db, name, ct);
        if (await db.Tickets.AnyAsync(t => t.ModuleId == module.Id, ct))
        {
            throw new DomainException("Module '{0}' has tickets and stays for their history; rename it instead.", name);
        }

        db.Modules.Remove(module);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
