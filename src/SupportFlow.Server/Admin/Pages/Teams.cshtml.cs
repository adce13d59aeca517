using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Routing;
using SupportFlow.Server.Users;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Admin.Pages;

/// <summary>Who is responsible for what: teams (members, assignment mode), modules and departments, through the same use cases as the admin API.</summary>
[Authorize(Policy = WebAuth.Admin)]
public sealed class TeamsModel(SupportFlowDbContext db, RoutingAdministration routing, UserAdministration users, UiText text) : WebPage
{
    public IReadOnlyList<TeamResponse> TeamList { get; private set; } = [];

    public IReadOnlyList<ModuleResponse> ModuleList { get; private set; } = [];

    public IReadOnlyList<string> DepartmentList { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostTeamAsync(CancellationToken ct) =>
        AttemptAsync("team", async () =>
        {
            await routing.CreateTeamAsync(new TeamRequest(Posted("name"), Split(Posted("members")), Posted("assignmentMode"), PostedChat()), ct);
            Notice = text.Format("Team {0} added.", Posted("name"));
            return LocalRedirect("/admin/teams");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostUpdateTeamAsync(string name, CancellationToken ct) =>
        AttemptAsync("team-" + name, async () =>
        {
            await routing.UpdateTeamAsync(name, new TeamRequest(null, Split(Posted("members")), Posted("assignmentMode"), PostedChat()), ct);
            Notice = text.Format("Team {0} changed.", name);
            return LocalRedirect("/admin/teams");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostUpdateModuleAsync(string name, CancellationToken ct) =>
        AttemptAsync("module-" + name, async () =>
        {
            // An empty team choice hands the module to its category's default team, as "team": "" does in the API.
            await routing.UpdateModuleAsync(name, new ModuleRequest(Posted("name"), Posted("category"), Posted("team") ?? ""), ct);
            Notice = text.Format("Module {0} changed.", Posted("name"));
            return LocalRedirect("/admin/teams");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostModuleAsync(CancellationToken ct) =>
        AttemptAsync("module", async () =>
        {
            await routing.CreateModuleAsync(new ModuleRequest(Posted("name"), Posted("category"), Posted("team")), ct);
            Notice = text.Format("Module {0} added.", Posted("name"));
            return LocalRedirect("/admin/teams");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostDepartmentAsync(CancellationToken ct) =>
        AttemptAsync("department", async () =>
        {
            await users.CreateDepartmentAsync(new DepartmentRequest(Posted("name")), ct);
            Notice = text.Format("Department {0} added.", Posted("name"));
            return LocalRedirect("/admin/teams");
        }, () => LoadAsync(ct));

    /// <summary>The platform's own name, the same in both languages.</summary>
    public static string ChatName(ChatKind kind) => kind switch
    {
        ChatKind.Wecom => "WeCom 企业微信",
        ChatKind.Dingtalk => "DingTalk 钉钉",
        ChatKind.Feishu => "Feishu / Lark 飞书",
        ChatKind.Slack => "Slack",
        ChatKind.Teams => "Microsoft Teams",
        _ => "Generic JSON (HMAC-SHA256)",
    };

    /// <summary>No kind and no address removes the chat group; an empty secret keeps the current one.</summary>
    private ChatRequest PostedChat() =>
        new(string.IsNullOrEmpty(Posted("chat.kind")) ? null : Posted("chat.kind"), Posted("chat.url") ?? "",
            string.IsNullOrEmpty(Posted("chat.secret")) ? null : Posted("chat.secret"));

    private static string[] Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task LoadAsync(CancellationToken ct)
    {
        TeamList = (await db.Teams.AsNoTracking().Include(t => t.Members).OrderBy(t => t.Name).ToListAsync(ct)).Select(TeamResponse.From).ToList();
        ModuleList = (await db.Modules.AsNoTracking().Include(m => m.Team).OrderBy(m => m.Name).ToListAsync(ct)).Select(ModuleResponse.From).ToList();
        DepartmentList = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
    }
}
