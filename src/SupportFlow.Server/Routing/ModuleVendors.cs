using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;

namespace SupportFlow.Server.Routing;

/// <summary>A module's vendor contacts: the API lists them, the ticket page offers them to whoever works a ticket.</summary>
public static class ModuleVendors
{
    public static async Task<ModuleVendorResponse[]> ListAsync(SupportFlowDbContext db, string module, CancellationToken ct) =>
        [.. (await db.ModuleVendorContacts.AsNoTracking().Include(c => c.Module).Where(c => c.Module.Name == module)
            .OrderBy(c => c.Company).ThenBy(c => c.Name).ToListAsync(ct)).Select(ModuleVendorResponse.From)];
}
