using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Tickets;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Routing;

public sealed record ModuleVendorResponse(int Id, string Module, string Name, string Company, string Email)
{
    public static ModuleVendorResponse From(ModuleVendorContact c) => new(c.Id, c.Module.Name, c.Name, c.Company, c.Email);
}

/// <summary>
/// A module's vendor contacts (admin). They are not told of every ticket of the module: the
/// ticket page offers them, and whoever works a ticket involves them when the vendor is needed.
/// </summary>
public static class ModuleVendorsApi
{
    public static void MapModuleVendorsApi(this IEndpointRouteBuilder app)
    {
        var vendors = app.MapGroup("/api/modules/{name}/vendors").WithTags("Routing").RequireAuthorization(Policies.Staff);
        vendors.MapGet("/", List);
        vendors.MapGet("/{id:int}", Get);
        vendors.MapPost("/", Add).RequireAuthorization(Policies.Admin);
        vendors.MapDelete("/{id:int}", Remove).RequireAuthorization(Policies.Admin);
    }

    private static async Task<Ok<ModuleVendorResponse[]>> List(string name, SupportFlowDbContext db, CancellationToken ct)
    {
        await FindModuleAsync(db, name, ct);
        return TypedResults.Ok(await ModuleVendors.ListAsync(db, name, ct));
    }

    /// <summary>Where the <c>Location</c> of a new contact points.</summary>
    private static async Task<Ok<ModuleVendorResponse>> Get(string name, int id, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await ModuleVendors.ListAsync(db, name, ct)).SingleOrDefault(c => c.Id == id)
            ?? throw new NotFoundException("Module '{0}' has no vendor contact {1}.", name, id));

    private static async Task<Created<ModuleVendorResponse>> Add(string name, VendorContactRequest request, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var module = await FindModuleAsync(db, name, ct);
        var (contact, _) = (request with { Note = null }).Parse();
        if (await db.ModuleVendorContacts.AnyAsync(c => c.ModuleId == module.Id && c.Email == contact.Email, ct))
        {
            throw new DomainException("{0} is already a vendor contact of module '{1}'.", contact.Email, name);
        }

        var added = db.ModuleVendorContacts.Add(new ModuleVendorContact(module, contact)).Entity;
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ResourceUrl.For("/api/modules", module.Name, "vendors", added.Id), ModuleVendorResponse.From(added));
    }

    private static async Task<NoContent> Remove(string name, int id, SupportFlowDbContext db, CancellationToken ct)
    {
        var module = await FindModuleAsync(db, name, ct);
        if (await db.ModuleVendorContacts.Where(c => c.Id == id && c.ModuleId == module.Id).ExecuteDeleteAsync(ct) == 0)
        {
            throw new NotFoundException("Module '{0}' has no vendor contact {1}.", name, id);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Module> FindModuleAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await db.Modules.SingleOrDefaultAsync(m => m.Name == name, ct)
        ?? throw new NotFoundException("Module '{0}' was not found.", name);
}
