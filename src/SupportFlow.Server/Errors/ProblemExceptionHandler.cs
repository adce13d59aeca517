using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Localization;
using SupportFlow.Server.Web;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Errors;

/// <summary>
/// The one place that turns exceptions into RFC 9457 problem details: invalid input 400 with
/// per-field messages, refused rules 409 (naming the ticket's status), missing things 404. Titles
/// and messages are in the caller's language (request localization: Accept-Language, the language
/// cookie, the user's saved language): the exception handler runs outside that middleware, so the
/// culture is read from the request's feature, not from the thread.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var culture = UiLanguage.CultureOf(httpContext);
        string Say(string key) => Texts.Get(key, culture);
        var problem = exception switch
        {
            RequestValidationException e => new ValidationProblemDetails(
                e.Messages.ToDictionary(f => f.Key, f => f.Value.Select(m => m.In(culture)).ToArray()))
            {
                Status = 400, Title = Say("One or more fields are invalid."),
            },
            Tickets.AttachmentTooLargeException e => new ValidationProblemDetails(
                new Dictionary<string, string[]> { ["file"] = [e.Text.In(culture)] })
            {
                Status = 413, Title = Say("Attachment too large"),
            },
            BadHttpRequestException { StatusCode: 413 } => new ProblemDetails
            {
                Status = 413, Title = Say("Request too large"), Detail = ErrorProblems.TooLarge.In(culture),
            },
            // The form reader's limits (FormOptions: multipart body, value length, value count).
            InvalidDataException e when e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => new ProblemDetails
            {
                Status = 413, Title = Say("Request too large"), Detail = ErrorProblems.TooLarge.In(culture),
            },
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => ErrorProblems.Antiforgery(httpContext),
            // A body in another content type; no body at all is a missing body (400 naming "body") below.
            BadHttpRequestException { StatusCode: 415 } when HasBody(httpContext.Request) => new ProblemDetails
            {
                Status = 415, Title = Say("Unsupported content type"), Detail = ErrorProblems.JsonOnly.In(culture),
            },
            BadHttpRequestException e => FromBadRequest(e, culture),
            TicketTransitionException e => new ProblemDetails
            {
                Status = 409, Title = Say("Not allowed in the ticket's current status"), Detail = e.Text.In(culture),
                Extensions = { ["currentStatus"] = WireNames.Of(e.Status), ["action"] = WireNames.Of(e.Action) },
            },
            DomainException e => new ProblemDetails { Status = 409, Title = Say("Conflict"), Detail = e.Text.In(culture) },
            NotFoundException e => new ProblemDetails { Status = 404, Title = Say("Not found"), Detail = e.Text.In(culture) },
            ForbiddenException e => new ProblemDetails { Status = 403, Title = Say("Forbidden"), Detail = e.Text.In(culture) },
            // A race lost more often than the retries allow (a concurrency token, or a unique key such as an SLA event).
            DbUpdateException e when DatabaseProviders.IsLostRace(e) => new ProblemDetails
            {
                Status = 409, Title = Say("Changed by someone else"),
                Detail = Say("Someone else changed this at the same time; reload it and try again."),
            },
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext, ProblemDetails = problem, Exception = exception,
        });
    }

    /// <summary>Body binding failures: name the field that JSON could not convert, or say the body is not JSON.</summary>
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

    private static ValidationProblemDetails FromBadRequest(BadHttpRequestException exception, System.Globalization.CultureInfo culture)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            // For constructor-bound records the outer message names the record, the inner one the token:
            // "Cannot get the value of a token type 'Number' as a string."
            var reason = json.InnerException?.Message ?? "";
            var converted = ConvertedTo().Match(json.Message);
            var message = field == "body" || !(converted.Success || reason.StartsWith("Cannot get the value", StringComparison.Ordinal))
                ? new LocalizedMessage("The request body is not valid JSON ({0}).", json.Message.Split(" Path:")[0].TrimEnd('.'))
                : new LocalizedMessage("{0} has the wrong type: expected {1}.", field,
                    LocalizedMessage.Word(Expected(reason.Length > 0 ? reason : converted.Groups[1].Value)));
            return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message.In(culture)] })
            {
                Status = 400, Title = Texts.Get("One or more fields are invalid.", culture),
            };
        }

        var parameter = BindFailure().Match(exception.Message);
        if (parameter.Success)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups[1].Value);
            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [name] = [new LocalizedMessage("'{0}' is not a valid value for {1}.", parameter.Groups[2].Value, name).In(culture)],
            })
            {
                Status = 400, Title = Texts.Get("One or more fields are invalid.", culture),
            };
        }

        var detail = exception.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            ? Texts.Get("A JSON request body is required.", culture)
            : exception.Message;
        return new ValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [detail] })
        {
            Status = 400, Title = Texts.Get("The request could not be read.", culture),
        };
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static string Expected(string type) => type switch
    {
        _ when type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("List", StringComparison.Ordinal) => "an array",
        _ when type.Contains("string", StringComparison.OrdinalIgnoreCase) => "a string",
        _ when type.Contains("Boolean", StringComparison.OrdinalIgnoreCase) => "true or false",
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal)
               || type.Contains("as a number", StringComparison.Ordinal) => "a whole number",
        _ => "an object",
    };

    [GeneratedRegex(@"could not be converted to (\S+?)\.?(\s|$)")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex("Failed to bind parameter \"(?:[^\"]*\\s)?(\\w+)\" from \"(.*)\"")]
    private static partial Regex BindFailure();
}
