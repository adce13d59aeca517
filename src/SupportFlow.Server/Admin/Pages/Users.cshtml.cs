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

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        AttemptAsync("create", async () =>
        {
            var user = await users.CreateAsync(new UserRequest(Posted("login"), Posted("name"), Posted("role"), Empty(Posted("department")),
                Split(Posted("teams")), Empty(Posted("email")), Empty(Posted("phone")), Empty(Posted("password"))), ct);
            Notice = text.Format("User {0} added.", user.Login);
            return LocalRedirect("/admin/users");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostUpdateAsync(string login, CancellationToken ct) =>
        AttemptAsync("update-" + login, async () =>
        {
            // Fields the form shows are sent as typed ("" clears department, e-mail, phone, teams, language).
            await users.UpdateAsync(login, new UserRequest(null, null, Posted("role"), Posted("department"), List(Posted("teams")),
                Posted("email"), Posted("phone"), Empty(Posted("password")), Flag(Posted("available")), null, Posted("language"),
                Posted("notifyBy")), ct);
            Notice = text.Format("User {0} changed.", login);
            return LocalRedirect("/admin/users");
        }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostDeactivateAsync(string login, CancellationToken ct) =>
        AttemptAsync("update-" + login, async () =>
        {
            await users.DeactivateAsync(login, ct);
            Notice = text.Format("User {0} deactivated.", login);
            return LocalRedirect("/admin/users");
        }, () => LoadAsync(ct));

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
