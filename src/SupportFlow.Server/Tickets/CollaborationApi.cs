using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// Cross-department tickets: a supervisor names the responsible department and adds or removes
/// collaborating ones; whoever works the ticket involves vendor contacts, each told by e-mail
/// through the outbox in the same transaction. Every change is a history line.
/// </summary>
public static class CollaborationApi
{
    public static void MapCollaborationApi(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{number}/departments", AddDepartment);
        tickets.MapDelete("/{number}/departments/{department}", RemoveDepartment);
        tickets.MapPost("/{number}/vendors", InvolveVendor);
        tickets.MapDelete("/{number}/vendors/{id:long}", RemoveVendor);
    }

    internal static async Task<Ok<TicketResponse>> AddDepartment(string number, TicketDepartmentRequest request, HttpContext http,
        TicketWork work, SupportFlowDbContext db, CancellationToken ct)
    {
        var (name, responsible, reason) = request.Parse();
        var department = await DepartmentAsync(db, name, ct);
        var actor = http.User.ToActor();
        var ticket = await work.DoAsync(actor, number, t => TicketPermissions.EnsureCoordinates(actor, t), (t, at) =>
        {
            if (responsible)
            {
                t.MakeResponsible(actor, at, department, reason);
            }
            else
            {
                t.AddCollaborator(actor, at, department, reason);
            }
        }, ct);
        return TypedResults.Ok(await work.ResponseAsync(actor, ticket, ct));
    }

    internal static async Task<Ok<TicketResponse>> RemoveDepartment(string number, string department, HttpContext http,
        TicketWork work, SupportFlowDbContext db, CancellationToken ct)
    {
        var found = await db.Departments.SingleOrDefaultAsync(d => d.Name == department, ct)
            ?? throw new NotFoundException("Department '{0}' was not found.", department);
        var actor = http.User.ToActor();
        var ticket = await work.DoAsync(actor, number, t => TicketPermissions.EnsureCoordinates(actor, t),
            (t, at) => t.RemoveDepartment(actor, at, found, null), ct);
        return TypedResults.Ok(await work.ResponseAsync(actor, ticket, ct));
    }

    internal static async Task<Ok<TicketResponse>> InvolveVendor(string number, VendorContactRequest request, HttpContext http,
        TicketWork work, CancellationToken ct)
    {
        var (contact, note) = request.Parse();
        var actor = http.User.ToActor();
        var ticket = await work.DoAsync(actor, number, t => TicketPermissions.EnsureInvolvesVendors(actor, t),
            (t, at) => t.InvolveVendor(actor, at, contact, note), ct);
        return TypedResults.Ok(await work.ResponseAsync(actor, ticket, ct));
    }

    internal static async Task<Ok<TicketResponse>> RemoveVendor(string number, long id, HttpContext http, TicketWork work,
        CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var ticket = await work.DoAsync(actor, number, t => TicketPermissions.EnsureInvolvesVendors(actor, t),
            (t, at) => t.RemoveVendor(actor, at, id), ct);
        return TypedResults.Ok(await work.ResponseAsync(actor, ticket, ct));
    }

    private static async Task<Department> DepartmentAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await db.Departments.SingleOrDefaultAsync(d => d.Name == name, ct)
        ?? throw new RequestValidationException("department", "Unknown department '{0}'.", name);
}
