using System.Text.Json;

namespace SupportFlow.Server.Web;

/// <summary>
/// Reads a JSON request body inside a handler, once the handler has checked that the caller may
/// act: minimal APIs bind a body before the handler runs, so a caller who may not touch a ticket
/// would be told what is wrong with their body (an unknown login, a team they are not in) before
/// being refused. Failures are raised as the binder raises them (a BadHttpRequestException, the
/// JsonException inside), so <see cref="Errors.ProblemExceptionHandler"/> words them the same.
/// </summary>
public static class JsonBody
{
    public const string ContentType = "application/json";

    private const string NoBody = "Implicit body inferred for parameter \"request\" but no body was provided.";

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0)
        {
            throw new BadHttpRequestException(NoBody);
        }

        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Expected a JSON body (Content-Type: application/json).",
                StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(ct) ?? throw new BadHttpRequestException(NoBody);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException($"Failed to read parameter \"{typeof(T).Name} request\" from the request body as JSON.", e);
        }
    }
}
