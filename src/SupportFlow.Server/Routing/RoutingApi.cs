using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;
using SupportFlow.Users;

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
        TypedResults.Ok(TeamResponse.From(await FindTeamAsync(db, name, ct)));

    internal static async Task<Created<TeamResponse>> CreateTeam(TeamRequest request, SupportFlowDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var name = errors.Name("name", request.Name);
        var team = new Team(name);
        await ApplyTeamAsync(db, team, request, errors, ct);
        errors.ThrowIfInvalid();
        if (await db.Teams.AnyAsync(t => t.Name == name, ct))
        {
            throw new DomainException("Team '{0}' already exists.", name);
        }

        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ResourceUrl.For("/api/teams", team.Name), TeamResponse.From(team));
    }

    internal static async Task<Ok<TeamResponse>> UpdateTeam(string name, TeamRequest request, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var team = await FindTeamAsync(db, name, ct);
        var errors = new RequestErrors();
        if (request.Name is not null)
        {
            team.Name = errors.Name("name", request.Name);
        }

        await ApplyTeamAsync(db, team, request, errors, ct);
        errors.ThrowIfInvalid();
        if (await db.Teams.AnyAsync(t => t.Name == team.Name && t.Id != team.Id, ct))
        {
            throw new DomainException("Team '{0}' already exists.", team.Name);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TeamResponse.From(team));
    }

    private static async Task<NoContent> DeleteTeam(string name, SupportFlowDbContext db, CancellationToken ct)
    {
        var team = await FindTeamAsync(db, name, ct);
        if (await db.Modules.AnyAsync(m => m.TeamId == team.Id, ct) || await db.Tickets.AnyAsync(t => t.TeamId == team.Id, ct)
            || await db.CategoryRoutes.AnyAsync(r => r.TeamId == team.Id, ct))
        {
            throw new DomainException("Team '{0}' is responsible for modules or tickets; hand them to another team first.", name);
        }

        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task ApplyTeamAsync(SupportFlowDbContext db, Team team, TeamRequest request, RequestErrors errors,
        CancellationToken ct)
    {
        if (request.AssignmentMode is not null && errors.Enum<AssignmentMode>("assignmentMode", request.AssignmentMode) is { } mode)
        {
            team.AssignmentMode = mode;
        }

        if (request.Chat is { } chat)
        {
            team.Chat = ChatGroupOf(chat, team.Chat, errors);
        }

        if (request.Members is null)
        {
            return;
        }

        var logins = request.Members.Select(m => m.Trim().ToLowerInvariant()).Where(m => m.Length > 0).Distinct().ToList();
        var members = await db.Users.Where(u => logins.Contains(u.Login)).ToListAsync(ct);
        foreach (var missing in logins.Except(members.Select(u => u.Login)))
        {
            errors.Add("members", "Unknown user '{0}'.", missing);
        }

        foreach (var reporter in members.Where(u => u.Role < Role.Engineer))
        {
            errors.Add("members", "{0} is a reporter; only engineers and supervisors belong to teams.", reporter.Login);
        }

        team.Members.Clear();
        team.Members.AddRange(members);
    }

    private static ChatGroup? ChatGroupOf(ChatRequest chat, ChatGroup? current, RequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(chat.Url) && chat.Kind is null)
        {
            return null;
        }

        var kind = errors.Enum<ChatKind>("chat.kind", chat.Kind);
        var url = errors.Required("chat.url", chat.Url, Limits.Url);
        if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add("chat.url", "'{0}' is not an http(s) address of an incoming webhook.", url);
        }

        var secret = chat.Secret is null ? current?.Secret : errors.Optional("chat.secret", chat.Secret, 200);
        return kind is { } k && url.Length > 0 ? new ChatGroup(k, url, secret) : null;
    }

    private static async Task<Team> FindTeamAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Name == name, ct)
        ?? throw new NotFoundException("Team '{0}' was not found.", name);

    private static async Task<Ok<ModuleResponse[]>> Modules(SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Modules.AsNoTracking().Include(m => m.Team).OrderBy(m => m.Name).ToListAsync(ct))
            .Select(ModuleResponse.From).ToArray());

    private static async Task<Ok<ModuleResponse>> Module(string name, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ModuleResponse.From(await FindModuleAsync(db, name, ct)));

    internal static async Task<Created<ModuleResponse>> CreateModule(ModuleRequest request, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        var name = errors.Name("name", request.Name);
        var category = errors.Required("category", request.Category, Limits.Name);
        var team = request.Team is null ? null : await TeamFieldAsync(db, errors, request.Team, ct);
        errors.ThrowIfInvalid();
        if (await db.Modules.AnyAsync(m => m.Name == name, ct))
        {
            throw new DomainException("Module '{0}' already exists.", name);
        }

        var module = new Module(name, category, team);
        db.Modules.Add(module);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ResourceUrl.For("/api/modules", module.Name), ModuleResponse.From(module));
    }

    internal static async Task<Ok<ModuleResponse>> UpdateModule(string name, ModuleRequest request, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var module = await FindModuleAsync(db, name, ct);
        var errors = new RequestErrors();
        if (request.Name is not null)
        {
            module.Name = errors.Name("name", request.Name);
        }

        if (request.Category is not null)
        {
            module.Category = errors.Required("category", request.Category, Limits.Name);
        }

        if (request.Team is "")
        {
            module.Team = null; // "team": "" hands the module to its category's default team
        }
        else if (request.Team is not null && await TeamFieldAsync(db, errors, request.Team, ct) is { } team)
        {
            module.Team = team;
        }

        errors.ThrowIfInvalid();
        if (await db.Modules.AnyAsync(m => m.Name == module.Name && m.Id != module.Id, ct))
        {
            throw new DomainException("Module '{0}' already exists.", module.Name);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ModuleResponse.From(module));
    }

    private static async Task<NoContent> DeleteModule(string name, SupportFlowDbContext db, CancellationToken ct)
    {
        var module = await FindModuleAsync(db, name, ct);
        if (await db.Tickets.AnyAsync(t => t.ModuleId == module.Id, ct))
        {
            throw new DomainException("Module '{0}' has tickets and stays for their history; rename it instead.", name);
        }

        db.Modules.Remove(module);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Team?> TeamFieldAsync(SupportFlowDbContext db, RequestErrors errors, string? value, CancellationToken ct)
    {
        var name = errors.Required("team", value, Limits.Name);
        if (name.Length == 0)
        {
            return null;
        }

        var team = await db.Teams.SingleOrDefaultAsync(t => t.Name == name, ct);
        if (team is null)
        {
            errors.Add("team", "Unknown team '{0}'. Create it first with POST /api/teams.", name);
        }

        return team;
    }

    private static async Task<Module> FindModuleAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await db.Modules.Include(m => m.Team).SingleOrDefaultAsync(m => m.Name == name, ct)
        ?? throw new NotFoundException("Module '{0}' was not found.", name);
}
