using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Server.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Intake.WebForm;

/// <summary>
/// The public report form (<c>GET/POST /forms/report</c>) for customers without an account, to
/// embed in a web site. Cross-site embedding rules out antiforgery tokens, so abuse is held off
/// by a rate limit per client address, a honeypot field and validation; a report becomes a
/// ticket through <see cref="TicketReception"/> with the customer as external reporter.
/// </summary>
public static class WebFormApi
{
    public const string RatePolicy = "webform";

    public static IServiceCollection AddWebForm(this IServiceCollection services)
    {
        services.AddOptions<WebFormOptions>().BindConfiguration(WebFormOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RatePolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<WebFormOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitPerWindow, Window = TimeSpan.FromMinutes(options.WindowMinutes), QueueLimit = 0,
                    });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(WebFormPage.TooMany(Chinese(context.HttpContext.Request)), ct);
            };
        });
        return services;
    }

    public static void MapWebForm(this IEndpointRouteBuilder app)
    {
        var form = app.MapGroup("/forms/report").WithTags("Intake").AllowAnonymous().ExcludeFromDescription();
        form.MapGet("/", Show);
        form.MapPost("/", Submit).RequireRateLimiting(RatePolicy).DisableAntiforgery();
    }

    private static async Task<IResult> Show(HttpContext http, SupportFlowDbContext db, IOptions<WebFormOptions> options,
        CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return Results.NotFound();
        }

        return Page(http, options.Value, StatusCodes.Status200OK,
            WebFormPage.Form(Chinese(http.Request), await ModulesAsync(db, ct), new WebFormPage.Values(null, null, null, null, null, null, null, null), null));
    }

    private static async Task<IResult> Submit(HttpContext http, SupportFlowDbContext db, TicketReception reception,
        IOptions<WebFormOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return Results.NotFound();
        }

        var chinese = Chinese(http.Request);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : FormCollection.Empty;
        string? F(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var values = new WebFormPage.Values(F("name"), F("email"), F("phone"), F("company"), F("module"), F("title"), F("description"),
            F("impact"));
        if (!string.IsNullOrEmpty(F("website")))
        {
            // A bot filled the honeypot: it is told "received" and nothing is created.
            return Page(http, options.Value, StatusCodes.Status200OK, WebFormPage.Received(chinese, null, ""));
        }

        var errors = new RequestErrors();
        var email = errors.Required("email", values.Email, Limits.Email);
        if (email.Length > 0 && !UserFields.LooksLikeEmail(email))
        {
            errors.Add("email", "'{0}' is not an e-mail address.", email);
        }

        try
        {
            errors.ThrowIfInvalid();
            // The form does not ask when the problem began: the time of the report stands for it.
            var now = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            var ticket = await reception.ReceiveAsync(IntakeActors.WebForm, new CreateTicketRequest(values.Title, values.Description,
                now, null, values.Module, string.IsNullOrWhiteSpace(values.Impact) ? "Not stated (web form)" : values.Impact,
                options.Value.Priority, "portal", new ReporterRequest(null, values.Name, values.Company, values.Phone, email)), ct);
            return Page(http, options.Value, StatusCodes.Status201Created, WebFormPage.Received(chinese, ticket.Number, email));
        }
        catch (RequestValidationException e)
        {
            var fieldErrors = e.Errors.ToDictionary(kv => FormField(kv.Key), kv => kv.Value);
            return Page(http, options.Value, StatusCodes.Status400BadRequest,
                WebFormPage.Form(chinese, await ModulesAsync(db, ct), values, fieldErrors));
        }
    }

    /// <summary>The intake's field names as the form names them.</summary>
    private static string FormField(string field) => field switch
    {
        "reporter.name" => "name",
        "reporter.email" => "email",
        "reporter.phone" => "phone",
        "reporter.department" => "company",
        _ => field,
    };

    private static IResult Page(HttpContext http, WebFormOptions options, int status, string html)
    {
        // Embeddable where the admin allows it; nothing else may run or load.
        http.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src {WebFormPage.StyleSource}; form-action 'self'; base-uri 'none'; frame-ancestors {options.FrameAncestors}";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static async Task<List<string>> ModulesAsync(SupportFlowDbContext db, CancellationToken ct) =>
        await db.Modules.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);

    private static bool Chinese(HttpRequest request) =>
        request.Query["lang"].ToString() is { Length: > 0 } lang
            ? lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            : request.Headers.AcceptLanguage.ToString().StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
