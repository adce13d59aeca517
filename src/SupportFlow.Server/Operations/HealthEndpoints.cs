using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;

namespace SupportFlow.Server.Operations;

/// <summary>
/// ASP.NET Core health checks at two addresses. <c>/healthz</c> is liveness: it runs no check, so
/// it answers 200 while the process serves requests (a database outage must not get every node
/// restarted). <c>/readyz</c> is readiness for a load balancer (<see cref="DatabaseReadiness"/>):
/// 200 <c>ready</c>, or 503 <c>database unreachable</c> / <c>migrations pending</c> with the
/// pending migrations' names.
/// </summary>
public static class HealthEndpoints
{
    public const string Unreachable = "database unreachable";
    private const string Ready = "ready";

    public sealed record HealthResponse(string Status);

    public sealed record ReadinessResponse(string Status, IReadOnlyList<string> PendingMigrations);

    public static IHealthChecksBuilder AddSupportFlowHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [Ready]);

    public static IEndpointRouteBuilder MapSupportFlowHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, _) => http.Response.WriteAsJsonAsync(new HealthResponse("healthy")),
        });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(Readiness(report)),
        });
        return app;
    }

    /// <summary>The two addresses in the OpenAPI document: health check endpoints are not minimal API handlers, so nothing describes them otherwise.</summary>
    public static void Describe(OpenApiDocument document)
    {
        document.Paths ??= [];
        document.Paths["/healthz"] = Path("Liveness: 200 {\"status\":\"healthy\"} while the process serves requests.", "200");
        document.Paths["/readyz"] = Path(
            "Readiness: 200 {\"status\":\"ready\",\"pendingMigrations\":[]}, or 503 with status 'database unreachable' or 'migrations pending'.",
            "200", "503");
    }

    private static ReadinessResponse Readiness(HealthReport report)
    {
        var entry = report.Entries.Values.Single();
        var pending = entry.Data.TryGetValue(DatabaseReadiness.PendingMigrations, out var names) ? (IReadOnlyList<string>)names : [];
        // A check that threw (the database refused the query) has the exception's message as its description.
        var status = entry.Exception is null ? entry.Description ?? Unreachable : Unreachable;
        return new ReadinessResponse(status, pending);
    }

    private static OpenApiPathItem Path(string summary, params string[] statuses)
    {
        var responses = new OpenApiResponses();
        foreach (var status in statuses)
        {
            responses[status] = new OpenApiResponse { Description = status == "200" ? "OK" : "Service Unavailable" };
        }

        var item = new OpenApiPathItem();
        item.AddOperation(HttpMethod.Get, new OpenApiOperation { Summary = summary, Responses = responses });
        return item;
    }
}
