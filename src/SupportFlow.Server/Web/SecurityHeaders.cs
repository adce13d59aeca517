namespace SupportFlow.Server.Web;

/// <summary>
/// Headers on every response, error pages included: a Content-Security-Policy that runs and loads
/// only the server's own files (no inline script or style, see <see cref="WebAsset"/>) and lets no
/// other site frame a page (clickjacking of confirm and cancel forms), X-Frame-Options for older
/// browsers, a Referrer-Policy that keeps ticket URLs from other sites, and HSTS when the request
/// came over HTTPS. A response that sets its own policy (the embeddable public report form)
/// decides its framing itself.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Article images may come from other HTTPS sites; nothing else does.</summary>
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
                                 + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // OnStarting: the exception handler clears the headers of a failed response before writing its problem.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = Policy;
                headers.XFrameOptions = "DENY";
            }

            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
