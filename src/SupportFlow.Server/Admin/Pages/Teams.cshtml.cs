using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Server.Routing;
using SupportFlow.Server.Users;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Admin.Pages;

/// <summary>Who is responsible for what: teams (members, assignment mode), modules and departments, through the admin API's own handlers.</summary>
[Authorize(Policy = WebAuth.Admin)]
public sealed class TeamsModel(SupportFlowDbContext db, UiText text) : WebPage
{
    public IReadOnlyList<TeamResponse> TeamList { get; private set; } = [];

    public IReadOnlyList<ModuleResponse> ModuleList { get; private set; } = [];

    public IReadOnlyList<string> DepartmentList { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostTeamAsync(CancellationToken ct) =>
        AttemptAsync("team", async () =>
        {
            await RoutingApi.CreateTeam(new TeamRequest(Posted("name"), Split(Posted("members")), Posted("assignmentMode")), db, ct);
            Notice = text.Format("Team {0} added.", Posted("name"));
            return LocalRedirect("/admin/teams");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostModuleAsync(CancellationToken ct) =>
        AttemptAsync("module", async () =>
        {
            await RoutingApi.CreateModule(new ModuleRequest(Posted("name"), Posted("category"), Posted("team")), db, ct);
            Notice = text.Format("Module {0} added.", Posted("name"));
            return LocalRedirect("/admin/teams");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostDepartmentAsync(CancellationToken ct) =>
        AttemptAsync("department", async () =>
        {
            await UsersApi.CreateDepartment(new UsersApi.DepartmentRequest(Posted("name")), db, ct);
            Notice = text.Format("Department {0} added.", Posted("name"));
            return LocalRedirect("/admin/teams");
        }, () => LoadAsync(ct));

    private static string[] Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task LoadAsync(CancellationToken ct)
    {
        TeamList = (await db.Teams.AsNoTracking().Include(t => t.Members).OrderBy(t => t.Name).ToListAsync(ct)).Select(TeamResponse.From).ToList();
        ModuleList = (await db.Modules.AsNoTracking().Include(m => m.Team).OrderBy(m => m.Name).ToListAsync(ct)).Select(ModuleResponse.From).ToList();
        DepartmentList = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
    }
}
