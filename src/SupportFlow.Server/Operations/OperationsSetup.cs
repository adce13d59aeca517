using OpenTelemetry.Metrics;

namespace SupportFlow.Server.Operations;

/// <summary>
/// What running several nodes needs besides the API: Prometheus metrics at <c>/metrics</c> (for
/// this machine or a bearer token: <see cref="MetricsAccess"/>) and
/// the health checks <c>/healthz</c> and <c>/readyz</c>. JSON logs need no code: ASP.NET Core's console logger
/// switches to JSON with <c>Logging:Console:FormatterName=json</c>.
/// </summary>
public static class OperationsSetup
{
    public static IServiceCollection AddSupportFlowOperations(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SupportFlowMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        services.AddSupportFlowHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapSupportFlowOperations(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsAccess.Path);
        app.MapSupportFlowHealthChecks();
        return app;
    }
}
