using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;

namespace SupportFlow.Server.Operations;

/// <summary>
/// <c>/readyz</c>, for a load balancer deciding whether to send this node traffic: the database
/// answers and has every migration this build knows. <c>/healthz</c> stays the liveness check
/// (the process works and reaches its database).
/// </summary>
public static class Readiness
{
    public sealed record ReadinessResponse(string Status, IReadOnlyList<string> PendingMigrations);

    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/readyz", Ready).WithTags("Health");
        return app;
    }

    private static async Task<Results<Ok<ReadinessResponse>, JsonHttpResult<ReadinessResponse>>> Ready(
        SupportFlowDbContext db, CancellationToken ct)
    {
        if (!await db.Database.CanConnectAsync(ct))
        {
            return NotReady(new ReadinessResponse("database unreachable", []));
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        return pending.Count == 0
            ? TypedResults.Ok(new ReadinessResponse("ready", pending))
            : NotReady(new ReadinessResponse("migrations pending", pending));
    }

    private static JsonHttpResult<ReadinessResponse> NotReady(ReadinessResponse response) =>
        TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
}
