using System.Net;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Users;

namespace SupportFlow.IntegrationTests.Routing;

/// <summary>What monitoring and API clients find without signing in: the health check and the OpenAPI document.</summary>
public sealed class HealthAndOpenApiTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task TheHealthCheckAnswersHealthyWithoutAuthentication()
    {
        using var anonymous = _desk.App.CreateClient();

        var response = await anonymous.GetAsync("/healthz");

        var body = await response.Json(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"healthy"}""", body.ToJsonString());
    }

    [Fact]
    public async Task TheOpenApiDocumentIsServedWithoutAuthenticationAndDescribesTheApi()
    {
        using var anonymous = _desk.App.CreateClient();

        var response = await anonymous.GetAsync("/openapi/v1.json");

        var document = await response.Json(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var path in new[]
                 {
                     "/api/tickets", "/api/tickets/{number}", "/api/tickets/{number}/resolve", "/api/tickets/{number}/history",
                     "/api/users", "/api/users/{login}", "/api/teams", "/api/modules", "/api/me", "/healthz",
                 })
        {
            Assert.True(paths.Contains(path), $"{path} is missing from: {string.Join(", ", paths)}");
        }

        var tickets = document["paths"]!.AsObject().Single(p => p.Key == "/api/tickets").Value!.AsObject();
        Assert.True(tickets.ContainsKey("post") && tickets.ContainsKey("get"), tickets.ToJsonString());
    }

    [Fact]
    public async Task TheOpenApiDocumentDeclaresBearerTokens()
    {
        using var anonymous = _desk.App.CreateClient();

        var document = await (await anonymous.GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);

        var schemes = document["components"]?["securitySchemes"]?.AsObject();
        Assert.NotNull(schemes);
        var bearer = schemes.Select(s => s.Value!.AsObject())
            .SingleOrDefault(s => s["type"]?.GetValue<string>() == "http"
                && string.Equals(s["scheme"]?.GetValue<string>(), "bearer", StringComparison.OrdinalIgnoreCase));
        Assert.True(bearer is not null, schemes.ToJsonString());
    }

    [Fact]
    public async Task OperationsThatNeedATokenRequireTheBearerScheme()
    {
        using var anonymous = _desk.App.CreateClient();

        var document = await (await anonymous.GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);

        var schemeName = document["components"]!["securitySchemes"]!.AsObject().Single().Key;
        var documentWide = RequiresScheme(document["security"], schemeName);
        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.True(documentWide || RequiresScheme(operation!["security"], schemeName),
                    $"{method.ToUpperInvariant()} {path} does not require '{schemeName}'");
            }
        }

        Assert.False(RequiresScheme(document["paths"]!["/healthz"]!["get"]!["security"], schemeName) && !documentWide,
            "the health check must not need a token");
    }

    private static bool RequiresScheme(JsonNode? security, string scheme) =>
        security is JsonArray requirements && requirements.Any(r => r is JsonObject o && o.ContainsKey(scheme));

    [Fact]
    public async Task AnUnknownRouteIsA404()
    {
        using var anonymous = _desk.App.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/no-such-thing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/nothing/here")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Admin.GetAsync("/api/tickets/20260520-001/no-such-action")).StatusCode);
    }

    [Fact]
    public async Task AWrongMethodOnAKnownRouteIsNotASuccess()
    {
        var response = await _desk.Admin.DeleteAsync("/api/tickets");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
