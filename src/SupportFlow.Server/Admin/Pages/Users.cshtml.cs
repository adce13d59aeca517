using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Server.Users;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Admin.Pages;

/// <summary>People: list, add, change role or password, deactivate. The same <see cref="UserAdministration"/> as the API and the CLI.</summary>
[Authorize(Policy = WebAuth.Admin)]
public sealed class UsersModel(SupportFlowDbContext db, UserAdministration users, UiText text) : WebPage
{
    public IReadOnlyList<UserResponse> People { get; private set; } = [];

    public IReadOnlyList<string> Departments { get; private set; } = [];

    public IReadOnlyList<string> Teams { get; private set; } = [];

    /// <summary>The person whose editor is open (<c>?edit=login</c>, or whose change just failed): a full-width form, not a table cell.</summary>
    public UserResponse? Editing { get; private set; }

    public async Task OnGetAsync(string? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        Editing = People.FirstOrDefault(p => p.Login == edit?.Trim().ToLowerInvariant() && p.Active);
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        AttemptAsync("create", async () =>
        {
            await RefuseUnknownDepartmentAsync(ct);
            var user = await users.CreateAsync(new UserRequest(Posted("login"), Posted("name"), Posted("role"), Empty(Posted("department")),
                Split(Posted("teams")), Empty(Posted("email")), Empty(Posted("phone")), Empty(Posted("password"))), ct);
            Notice = text.Format("User {0} added.", user.Login);
            return LocalRedirect("/admin/users");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostUpdateAsync(string login, CancellationToken ct) =>
        AttemptAsync("update-" + login, async () =>
        {
            await RefuseUnknownDepartmentAsync(ct);
            // Fields the form shows are sent as typed ("" clears department, e-mail, phone, teams, language).
            await users.UpdateAsync(login, new UserRequest(null, null, Posted("role"), Posted("department"), List(Posted("teams")),
                Posted("email"), Posted("phone"), Empty(Posted("password")), Flag(Posted("available")), null, Posted("language"),
                Posted("notifyBy")), ct);
            Notice = text.Format("User {0} changed.", login);
            return LocalRedirect("/admin/users");
        }, () => LoadEditorAsync(login, ct));

    public Task<IActionResult> OnPostDeactivateAsync(string login, CancellationToken ct) =>
        AttemptAsync("update-" + login, async () =>
        {
            await users.DeactivateAsync(login, ct);
            Notice = text.Format("User {0} deactivated.", login);
            return LocalRedirect("/admin/users");
        }, () => LoadEditorAsync(login, ct));

    /// <summary>
    /// A department typed on the form that does not exist yet is a new one only when the admin says so: a typo
    /// ("销售部 " for "销售部", "Sales" for "销售部") would otherwise quietly become a department of its own. The API
    /// keeps creating departments named on a user, as scripts that set up a desk rely on.
    /// </summary>
    private async Task RefuseUnknownDepartmentAsync(CancellationToken ct)
    {
        var name = Posted("department")?.Trim();
        if (string.IsNullOrEmpty(name) || Posted("newDepartment") == "true" || await db.Departments.AnyAsync(d => d.Name == name, ct))
        {
            return;
        }

        throw new SupportFlow.Common.RequestValidationException("department",
            "There is no department \"{0}\": choose one of the list, or tick \"Add it as a new department\".", name);
    }

    private async Task LoadEditorAsync(string login, CancellationToken ct)
    {
        await LoadAsync(ct);
        Editing = People.FirstOrDefault(p => p.Login == login);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string[]? List(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool? Flag(string? value) => value is null ? null : value == "true";

    private static string[]? Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task LoadAsync(CancellationToken ct)
    {
        People = (await db.Users.AsNoTracking().Include(u => u.Department).Include(u => u.Teams)
                .OrderByDescending(u => u.IsActive).ThenBy(u => u.Login).ToListAsync(ct))
            .Select(UserResponse.From).ToList();
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
    }
}
