using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using SupportFlow.Localization;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Errors;

/// <summary>
/// The errors no exception stands behind, made RFC 9457 problems a person can act on, in their
/// language: a status the framework answers with an empty body (an unknown route 404, a method
/// the route does not take 405, a content type it does not take 415, ...), which
/// <c>UseStatusCodePages</c> turns into a problem worded here, and a page form whose antiforgery
/// token is missing or wrong (Razor Pages answer that with an empty 400).
/// </summary>
public static class ErrorProblems
{
    /// <summary>
    /// Words a problem that carries no sentence of its own (an empty status answer); problems from
    /// <see cref="ProblemExceptionHandler"/> and validation problems already say what is wrong.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (context.Exception is not null || problem.Detail is not null || problem is HttpValidationProblemDetails)
        {
            return;
        }

        var http = context.HttpContext;
        var culture = UiLanguage.CultureOf(http);
        var path = http.Request.Path.Value ?? "/";
        var (title, detail) = problem.Status switch
        {
            StatusCodes.Status404NotFound when path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) =>
                ("Not found", new LocalizedMessage("There is no API endpoint {0} {1}. /openapi/v1.json describes the API.", http.Request.Method, path)),
            StatusCodes.Status404NotFound => ("Not found", new LocalizedMessage("There is nothing at {0}.", path)),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed",
                new LocalizedMessage("{0} is not allowed on {1}. /openapi/v1.json lists each endpoint's methods.", http.Request.Method, path)),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported content type", JsonOnly),
            StatusCodes.Status413PayloadTooLarge => ("Request too large", TooLarge),
            StatusCodes.Status400BadRequest => ("The request could not be read.",
                new LocalizedMessage("Check the request's syntax, headers and body against /openapi/v1.json.")),
            _ => ((string?)null, (LocalizedMessage?)null),
        };
        if (title is not null)
        {
            problem.Title = Texts.Get(title, culture);
            problem.Detail = detail!.In(culture);
        }
    }

    /// <summary>A body in a content type the endpoint does not read.</summary>
    public static LocalizedMessage JsonOnly { get; } = new("This endpoint takes a JSON body: send it with Content-Type: application/json.");

    /// <summary>A body over Kestrel's or the form reader's limit.</summary>
    public static LocalizedMessage TooLarge { get; } = new("The request is larger than this server accepts: send less at once, or a smaller file.");

    /// <summary>A form posted without its antiforgery token, with a stale one, or from another site.</summary>
    public static ProblemDetails Antiforgery(HttpContext http)
    {
        var culture = UiLanguage.CultureOf(http);
        return new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Texts.Get("The form has expired", culture),
            Detail = Texts.Get("The form was sent without a valid security token (it may have expired, or come from another page): reload the page and send it again.", culture),
        };
    }
}

/// <summary>Turns Razor Pages' empty 400 for a failed antiforgery check into <see cref="ErrorProblems.Antiforgery"/>.</summary>
public sealed class AntiforgeryProblemFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var problem = ErrorProblems.Antiforgery(context.HttpContext);
            context.Result = new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
