using Microsoft.AspNetCore.Http.HttpResults;
using SupportFlow.Server.Web;
using SupportFlow.Tickets;

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
        tickets.MapPost("/{number}/departments", AddDepartment).Accepts<TicketDepartmentRequest>(JsonBody.ContentType);
        tickets.MapDelete("/{number}/departments/{department}", RemoveDepartment);
        tickets.MapPost("/{number}/vendors", InvolveVendor).Accepts<VendorContactRequest>(JsonBody.ContentType);
        tickets.MapDelete("/{number}/vendors/{id:long}", RemoveVendor);
    }

    private static Task<Ok<TicketResponse>> AddDepartment(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        TicketsApi.Act<TicketDepartmentRequest>(http, work, number, TicketPermissions.EnsureCoordinates,
            (actor, request) => actions.AddDepartmentAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> RemoveDepartment(string number, string department, HttpContext http,
        TicketActions actions, TicketWork work, CancellationToken ct) =>
        TicketsApi.Act(http, work, actor => actions.RemoveDepartmentAsync(actor, number, department, ct), ct);

    private static Task<Ok<TicketResponse>> InvolveVendor(string number, HttpContext http, TicketActions actions, TicketWork work,
        CancellationToken ct) =>
        TicketsApi.Act<VendorContactRequest>(http, work, number, TicketPermissions.EnsureInvolvesVendors,
            (actor, request) => actions.InvolveVendorAsync(actor, number, request, ct), ct);

    private static Task<Ok<TicketResponse>> RemoveVendor(string number, long id, HttpContext http, TicketActions actions,
        TicketWork work, CancellationToken ct) =>
        TicketsApi.Act(http, work, actor => actions.RemoveVendorAsync(actor, number, id, ct), ct);
}
