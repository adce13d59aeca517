using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Users;

namespace SupportFlow.Server.Routing;

/// <summary>Adding and changing teams and modules: the admin API and the admin teams page both call these.</summary>
public sealed class RoutingAdministration(SupportFlowDbContext db)
{
    public async Task<Team> CreateTeamAsync(TeamRequest request, CancellationToken ct)
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
        return team;
    }

    public async Task<Team> UpdateTeamAsync(string name, TeamRequest request, CancellationToken ct)
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
        return team;
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

    internal static async Task<Team> FindTeamAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Name == name, ct)
        ?? throw new NotFoundException("Team '{0}' was not found.", name);

    public async Task<Module> CreateModuleAsync(ModuleRequest request, CancellationToken ct)
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
        return module;
    }

    public async Task<Module> UpdateModuleAsync(string name, ModuleRequest request, CancellationToken ct)
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
        return module;
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

    internal static async Task<Module> FindModuleAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await db.Modules.Include(m => m.Team).SingleOrDefaultAsync(m => m.Name == name, ct)
        ?? throw new NotFoundException("Module '{0}' was not found.", name);
}
