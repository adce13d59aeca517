using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SupportFlow.Common;
using SupportFlow.Server.Archive;
using SupportFlow.Server.Intake.Chat;
using SupportFlow.Server.Notifications;
using SupportFlow.Server.Recurring;
using SupportFlow.Server.Reviews;
using SupportFlow.Server.Routing;
using SupportFlow.Server.Tickets;
using SupportFlow.Server.Users;
using SupportFlow.Tickets;

namespace SupportFlow.Server.OpenApi;

/// <summary>
/// Makes /openapi/v1.json say what the API does. The request records are string-typed on purpose
/// (a bad value gets a message naming the allowed ones), so their schemas are told here what the
/// strings hold: enums, times, which fields a request needs. Every operation gets an id, a summary,
/// camelCase query names (query binding ignores case) and the problem responses it can answer.
/// </summary>
public static class ApiDescription
{
    private const string Problem = "application/problem+json";

    /// <summary>
    /// The fields a request must carry, exactly as its validation refuses them when missing; a request
    /// type not listed needs none. One schema serves every operation that takes the type, so a type
    /// shared by a create and a partial update (users, teams, modules, mailboxes, chat channels, cause
    /// categories, article versions, an action's note) is listed with nothing: the update takes any subset.
    /// </summary>
    private static readonly Dictionary<Type, string[]> RequiredFields = new()
    {
        // Tickets
        [typeof(CreateTicketRequest)] = ["title", "description", "occurredAt", "module", "impact", "priority", "channel"],
        [typeof(ReporterRequest)] = ["name"],
        [typeof(TriageRequest)] = ["priority", "reason"],
        [typeof(AssignRequest)] = ["assignee"],
        [typeof(WorklogRequest)] = ["text", "method"],
        [typeof(MessageRequest)] = ["message"],
        [typeof(PendRequest)] = ["reason"],
        [typeof(ResolveRequest)] = ["solution"],
        [typeof(ConfirmRequest)] = ["resolved"],
        [typeof(CloseRequest)] = ["cause", "solution"],
        [typeof(ReasonRequest)] = ["reason"],
        [typeof(TicketDepartmentRequest)] = ["department"],
        [typeof(VendorContactRequest)] = ["name", "company", "email"],
        [typeof(LinkRequest)] = ["kind", "ticket"],
        [typeof(MergeRequest)] = ["into"],
        // Reviews
        [typeof(RequestReviewRequest)] = ["tickets", "reason"],
        [typeof(LinkTicketRequest)] = ["number"],
        [typeof(AddActionRequest)] = ["description", "owner", "dueDate"],
        // Administration
        [typeof(DepartmentRequest)] = ["name"],
        [typeof(CategoryRouteRequest)] = ["team"],
        [typeof(TemplateRequest)] = ["subject", "body"],
        [typeof(ChatIdentityRequest)] = ["channel", "senderId"],
        [typeof(PurgeRequest)] = ["before"],
    };

    /// <summary>String fields that hold a wire word, by name, in every request.</summary>
    private static readonly Dictionary<string, string[]> WordFields = new(StringComparer.Ordinal)
    {
        ["priority"] = Words<Priority>(),
        ["channel"] = Words<Channel>(),
        ["status"] = Words<TicketStatus>(),
    };

    public static OpenApiOptions Describe(this OpenApiOptions options)
    {
        options.AddSchemaTransformer(DescribeSchema);
        options.AddOperationTransformer(DescribeOperationAsync);
        return options;
    }

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        // JSON numbers may also be read from strings, which the generator documents as "integer | string"; clients send numbers.
        if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Integer) && t.HasFlag(JsonSchemaType.String))
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (!type.Name.EndsWith("Request", StringComparison.Ordinal) || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        // The generator would mark every constructor parameter required; the server needs only these.
        schema.Required = new HashSet<string>(RequiredFields.GetValueOrDefault(type, []), StringComparer.Ordinal);

        foreach (var (name, property) in schema.Properties)
        {
            if (property is not OpenApiSchema field || field.Type is not { } fieldType || !fieldType.HasFlag(JsonSchemaType.String))
            {
                continue;
            }

            if (schema.Required?.Contains(name) == true)
            {
                field.Type = JsonSchemaType.String;
            }

            if (WordFields.TryGetValue(name, out var words))
            {
                field.Enum = [.. words.Select(w => (JsonNode)JsonValue.Create(w))];
                if (field.Type.Value.HasFlag(JsonSchemaType.Null))
                {
                    field.Enum.Add(null!);
                }
            }
            else if (name.EndsWith("At", StringComparison.Ordinal))
            {
                field.Format = "date-time";
            }
        }

        return Task.CompletedTask;
    }

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken ct)
    {
        var endpoint = context.Description;
        var handler = endpoint.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        var tag = operation.Tags?.FirstOrDefault()?.Name ?? "Api";
        var name = handler is { } m && !m.Name.Contains('<', StringComparison.Ordinal) ? m.Name : FromRoute(endpoint.HttpMethod, endpoint.RelativePath);
        operation.OperationId ??= tag.Replace(" ", "", StringComparison.Ordinal) + name;
        operation.Summary ??= $"{tag}: {Words(name)}";

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } query && char.IsUpper(query[0]))
            {
                parameter.Name = char.ToLowerInvariant(query[0]) + query[1..];
            }
        }

        operation.Responses ??= [];
        var secured = endpoint.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any()
                      && !endpoint.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        var hasInput = endpoint.ParameterDescriptions.Any(p => p.Source.Id is "Body" or "Query" or "Form" or "FormFile");
        var writes = endpoint.HttpMethod is not ("GET" or "HEAD");
        var responses = new List<(string Code, string Description)>();
        if (hasInput || writes)
        {
            responses.Add(("400", "The request is malformed or a field is invalid (errors per field)."));
        }

        if (secured)
        {
            responses.Add(("401", "No valid token or session."));
            responses.Add(("403", "The caller's role may not do this."));
        }

        if (endpoint.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            responses.Add(("404", "Nothing with that name or number."));
        }

        if (writes)
        {
            responses.Add(("409", "The action conflicts with the current state (e.g. a refused status transition)."));
            responses.Add(("422", "The request is understood but refused by a rule."));
        }

        foreach (var (code, description) in responses.Where(r => !operation.Responses.ContainsKey(r.Code)))
        {
            var schema = await context.GetOrCreateSchemaAsync(
                code is "400" or "422" ? typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails) : typeof(Microsoft.AspNetCore.Mvc.ProblemDetails),
                null, ct);
            operation.Responses[code] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [Problem] = new() { Schema = schema } },
            };
        }
    }

    /// <summary>
    /// Last, once the document is complete: operations added by document transformers get an id from
    /// their route, and ids are made unique (handler names repeat across features: the tag prefix
    /// mostly separates them, the route the rest).
    /// </summary>
    public static void NameEveryOperation(OpenApiDocument document)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                var name = FromRoute(method.Method, path);
                operation.OperationId ??= name;
                operation.Summary ??= Words(name);
                var id = operation.OperationId;
                if (!seen.Add(id))
                {
                    // A handler name used twice in one feature ("List"): the route says which one it is.
                    id = name;
                    operation.Summary = Words(name);
                    for (var n = 2; !seen.Add(id); n++)
                    {
                        id = name + "Variant" + n.ToString(CultureInfo.InvariantCulture);
                    }
                }

                operation.OperationId = id;
            }
        }
    }

    private static string FromRoute(string? method, string? path) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase((method ?? "").ToLowerInvariant())
        + string.Concat((path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "api")
            .SelectMany(s => s.Trim('{', '}').Split('-', StringSplitOptions.RemoveEmptyEntries))
            .Select(s => char.ToUpperInvariant(s[0]) + s[1..]));

    /// <summary>"CreateOwnToken" as "create own token".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string[] Words<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => WireNames.Of(v))];
}
