using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;
using SupportFlow.Users;

namespace SupportFlow.Server.Users;

/// <summary>Users, their tokens and departments. Admin only, except <c>/api/me</c>.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Users").RequireAuthorization();
        me.MapGet("/", Me);
        me.MapPost("/tokens", CreateOwnToken);

        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", List);
        users.MapGet("/{login}", Get);
        users.MapPost("/", Create);
        users.MapPut("/{login}", Update);
        users.MapDelete("/{login}", Deactivate);
        users.MapPost("/{login}/tokens", CreateToken);

        var departments = app.MapGroup("/api/departments").WithTags("Users").RequireAuthorization(Policies.Admin);
        departments.MapGet("/", Departments);
        departments.MapGet("/{name}", GetDepartment);
        departments.MapPost("/", CreateDepartment);
        departments.MapDelete("/{name}", DeleteDepartment);
    }

    private static async Task<Ok<UserResponse>> Me(HttpContext http, UserAdministration users, CancellationToken ct) =>
        TypedResults.Ok(UserResponse.From(await users.FindAsync(http.User.ToActor().Login, ct)));

    private static async Task<Created<TokenResponse>> CreateOwnToken(TokenRequest? request, HttpContext http,
        UserAdministration users, CancellationToken ct) =>
        TypedResults.Created("/api/me", await users.CreateTokenAsync(http.User.ToActor().Login, request?.Name, ct));

    private static async Task<Ok<UserResponse[]>> List(SupportFlowDbContext db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Include(u => u.Department).Include(u => u.Teams)
            .OrderBy(u => u.Login).ToListAsync(ct);
        return TypedResults.Ok(users.Select(UserResponse.From).ToArray());
    }

    private static async Task<Ok<UserResponse>> Get(string login, UserAdministration users, CancellationToken ct) =>
        TypedResults.Ok(UserResponse.From(await users.FindAsync(login, ct)));

    private static async Task<Created<UserResponse>> Create(UserRequest request, UserAdministration users, CancellationToken ct)
    {
        var user = await users.CreateAsync(request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/users", user.Login), UserResponse.From(user));
    }

    private static async Task<Ok<UserResponse>> Update(string login, UserRequest request, UserAdministration users,
        CancellationToken ct) =>
        TypedResults.Ok(UserResponse.From(await users.UpdateAsync(login, request, ct)));

    private static async Task<NoContent> Deactivate(string login, UserAdministration users, CancellationToken ct)
    {
        await users.DeactivateAsync(login, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<TokenResponse>> CreateToken(string login, TokenRequest? request,
        UserAdministration users, CancellationToken ct) =>
        TypedResults.Created(ResourceUrl.For("/api/users", login), await users.CreateTokenAsync(login, request?.Name, ct));

    private static async Task<Ok<DepartmentResponse[]>> Departments(SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Departments.OrderBy(d => d.Name).Select(d => new DepartmentResponse(d.Name)).ToArrayAsync(ct));

    private static async Task<Created<DepartmentResponse>> CreateDepartment(DepartmentRequest request, UserAdministration users,
        CancellationToken ct)
    {
        var name = await users.CreateDepartmentAsync(request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/departments", name), new DepartmentResponse(name));
    }

    /// <summary>Where the <c>Location</c> of a new department points.</summary>
    private static async Task<Ok<DepartmentResponse>> GetDepartment(string name, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new DepartmentResponse((await FindDepartmentAsync(db, name, ct)).Name));

    private static async Task<NoContent> DeleteDepartment(string name, SupportFlowDbContext db, CancellationToken ct)
    {
        var department = await FindDepartmentAsync(db, name, ct);
        if (await db.Users.AnyAsync(u => u.DepartmentId == department.Id, ct))
        {
            throw new DomainException("Department '{0}' still has users; move them first.", name);
        }

        if (await db.Tickets.AnyAsync(t => t.Departments.Any(d => d.DepartmentId == department.Id), ct))
        {
            throw new DomainException("Department '{0}' works on tickets and stays for their history.", name);
        }

        db.Departments.Remove(department);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Department> FindDepartmentAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await db.Departments.SingleOrDefaultAsync(d => d.Name == name, ct)
            ?? throw new NotFoundException("Department '{0}' was not found.", name);
}
