using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportFlow.Data;

namespace SupportFlow.Server.Operations;

/// <summary>
/// Ready to take traffic: the database answers and has every migration this build knows. The
/// description is the status <c>/readyz</c> shows; the pending migrations go in the data.
/// </summary>
public sealed class DatabaseReadiness(SupportFlowDbContext db) : IHealthCheck
{
    public const string PendingMigrations = "pendingMigrations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy(HealthEndpoints.Unreachable, data: Data([]));
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("ready", Data(pending))
            : HealthCheckResult.Unhealthy("migrations pending", data: Data(pending));
    }

    private static Dictionary<string, object> Data(List<string> pending) => new() { [PendingMigrations] = pending };
}
