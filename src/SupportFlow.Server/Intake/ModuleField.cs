using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Routing;

namespace SupportFlow.Server.Intake;

/// <summary>A module named in a request (an intake source's default module), with its team; an unknown name is a field error.</summary>
public static class ModuleField
{
    public static async Task<Module?> FindAsync(SupportFlowDbContext db, RequestErrors errors, string? name, CancellationToken ct)
    {
        var moduleName = errors.Required("module", name, Limits.Name);
        var module = moduleName.Length == 0
            ? null
            : await db.Modules.Include(m => m.Team).SingleOrDefaultAsync(m => m.Name == moduleName, ct);
        if (moduleName.Length > 0 && module is null)
        {
            errors.Add("module", "Unknown module '{0}'. GET /api/modules lists the modules.", moduleName);
        }

        return module;
    }
}
