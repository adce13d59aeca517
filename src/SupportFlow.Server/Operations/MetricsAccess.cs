using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Localization;

namespace SupportFlow.Server.Operations;

/// <summary>
/// <c>/metrics</c> tells how busy the desk is and what fails, so it is served only to a caller on
/// this machine (loopback: a local Prometheus or agent) or to one that sends
/// <c>Authorization: Bearer {SupportFlow:Metrics:Token}</c>. Anyone else gets a 401 problem.
/// </summary>
public static class MetricsAccess
{
    public const string Path = "/metrics";

    public static IApplicationBuilder UseMetricsAccess(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase)
            || IsLoopback(context.Connection.RemoteIpAddress)
            || HasToken(context.Request, context.RequestServices.GetRequiredService<IOptions<SupportFlowOptions>>().Value.Metrics.Token))
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: new LocalizedMessage("Authentication required").Localized,
            detail: new LocalizedMessage("Metrics are served only to this machine or with the bearer token SupportFlow:Metrics:Token.").Localized)
            .ExecuteAsync(context);
    });

    /// <summary>In-process callers without an address (none in production) are not trusted.</summary>
    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool HasToken(HttpRequest request, string? token)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return !string.IsNullOrEmpty(token)
               && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
               && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
