using System.Net;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Users;

namespace SupportFlow.IntegrationTests.OpenApi;

/// <summary>/openapi/v1.json is true to the API: what a request needs, the types its strings hold, ids, summaries, problems.</summary>
public sealed class OpenApiDocumentTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task CreateTicketRequestNeedsOnlyWhatTheApiNeedsWithEnumsAndTimes()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        var create = schemas["CreateTicketRequest"]!;

        Assert.Equal(new[] { "channel", "description", "impact", "module", "occurredAt", "priority", "title" },
            create["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        var properties = create["properties"]!;
        Assert.Equal(["P1", "P2", "P3", "P4"], Enum(properties["priority"]!));
        Assert.Contains("portal", Enum(properties["channel"]!));
        Assert.Equal("date-time", properties["occurredAt"]!["format"]!.GetValue<string>());
        Assert.Equal("date-time", properties["receivedAt"]!["format"]!.GetValue<string>());
        Assert.Equal("string", properties["title"]!["type"]!.GetValue<string>());
        Assert.Equal(new[] { "name" }, schemas["ReporterRequest"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Theory]
    [InlineData("TriageRequest", new[] { "priority", "reason" })]
    [InlineData("ResolveRequest", new[] { "solution" })]
    [InlineData("CloseRequest", new[] { "cause", "solution" })]
    [InlineData("ConfirmRequest", new[] { "resolved" })]
    [InlineData("AssignRequest", new[] { "assignee" })]
    [InlineData("UpdateReviewRequest", new string[0])]
    [InlineData("UserRequest", new string[0])]
    [InlineData("TokenRequest", new string[0])]
    public async Task ARequestNeedsExactlyWhatItsValidationRefusesWhenMissing(string request, string[] required)
    {
        var schema = (await DocumentAsync())["components"]!["schemas"]![request]!;

        Assert.Equal(required.Order(StringComparer.Ordinal), Required(schema).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryRequestSchemaNeedsOnlyFieldsItHas()
    {
        var requests = (await DocumentAsync())["components"]!["schemas"]!.AsObject()
            .Where(s => s.Key.EndsWith("Request", StringComparison.Ordinal)).ToList();

        Assert.True(requests.Count > 30, $"{requests.Count} request schemas");
        foreach (var (name, schema) in requests)
        {
            var properties = schema!["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var required = Required(schema);
            Assert.True(required.All(properties.Contains), $"{name}: required {string.Join(", ", required)} of {string.Join(", ", properties)}");
        }
    }

    /// <summary>A valid body of each ticket action that takes one: leaving out any field the document requires must be refused.</summary>
    private static readonly Dictionary<string, string> ValidActionBodies = new(StringComparer.Ordinal)
    {
        ["triage"] = """{"priority":"P1","reason":"影响全部门 100%?"}""",
        ["assign"] = """{"assignee":"eng1","reason":"熟悉销售模块"}""",
        ["worklog"] = """{"text":"查看了日志","method":"remote"}""",
        ["update"] = """{"message":"正在处理"}""",
        ["comment"] = """{"message":"还是不行"}""",
        ["pend"] = """{"reason":"vendor","note":"等厂商"}""",
        ["resolve"] = """{"solution":"清除缓存","cause":"缓存过期"}""",
        ["confirm"] = """{"resolved":true,"rating":5}""",
        ["close"] = """{"cause":"缓存","solution":"清除"}""",
        ["reopen"] = """{"reason":"又出现了"}""",
        ["cancel"] = """{"reason":"重复"}""",
        ["departments"] = $$"""{"department":"{{Desk.FinanceDepartment}}","responsible":false}""",
        ["vendors"] = """{"name":"陈工","company":"Acme & Co","email":"chen@acme.example"}""",
        ["links"] = """{"kind":"related","ticket":"20990101-999"}""",
        ["merge"] = """{"into":"20990101-999"}""",
    };

    [Fact]
    public async Task EveryFieldATicketActionRequiresIsRefusedWhenLeftOut()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;
        var ticket = await _desk.ReportAsync();
        var checkedFields = 0;
        foreach (var (action, valid) in ValidActionBodies)
        {
            var reference = document["paths"]![$"/api/tickets/{{number}}/{action}"]!["post"]!["requestBody"]!["content"]!
                ["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
            foreach (var field in Required(schemas[reference.Split('/')[^1]]!))
            {
                var body = JsonNode.Parse(valid)!.AsObject();
                Assert.True(body.Remove(field), $"{action}: the valid body has no '{field}'");
                using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
                await (await _desk.Admin.PostAsync($"/api/tickets/{ticket}/{action}", content)).FieldError(field);
                checkedFields++;
            }
        }

        Assert.True(checkedFields >= 20, $"{checkedFields} required fields checked");
    }

    [Fact]
    public async Task QueryParametersAreCamelCaseAndIntegersAreIntegers()
    {
        var list = (await DocumentAsync())["paths"]!["/api/tickets"]!["get"]!;

        var parameters = list["parameters"]!.AsArray().Select(p => p!).ToList();
        Assert.All(parameters, p => Assert.True(char.IsLower(p["name"]!.GetValue<string>()[0]), p.ToJsonString()));
        Assert.Contains(parameters, p => p["name"]!.GetValue<string>() == "status");
        var limit = parameters.Single(p => p["name"]!.GetValue<string>() == "limit")["schema"]!;
        Assert.Equal("integer", limit["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryOperationHasAUniqueIdAndASummary()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        Assert.True(operations.Count > 100, $"{operations.Count} operations");
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), o.Name));
        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>() ?? "").ToList();
        Assert.DoesNotContain("", ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // A generated client names its methods after these: "ReportsGet3" would say nothing.
        Assert.All(ids, id => Assert.False(char.IsAsciiDigit(id[^1]), id));
    }

    [Theory]
    [InlineData("/api/tickets", "post", new[] { "400", "401", "403", "409", "422" })]
    [InlineData("/api/tickets/{number}", "get", new[] { "401", "403", "404" })]
    [InlineData("/api/tickets/{number}/resolve", "post", new[] { "400", "401", "403", "404", "409", "422" })]
    [InlineData("/api/users/{login}", "put", new[] { "400", "401", "403", "404", "409", "422" })]
    public async Task ProblemResponsesAreListedAsProblemJson(string path, string method, string[] codes)
    {
        var responses = (await DocumentAsync())["paths"]![path]![method]!["responses"]!;

        foreach (var code in codes)
        {
            Assert.True(responses[code]?["content"]?["application/problem+json"] is not null, $"{method} {path} {code}: {responses.ToJsonString()}");
        }
    }

    private static string[] Required(JsonNode schema) =>
        [.. schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []];

    private static string[] Enum(JsonNode property) =>
        [.. property["enum"]!.AsArray().Where(v => v is not null).Select(v => v!.GetValue<string>())];

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "delete" or "patch")
            .Select(m => ($"{m.Key} {p.Key}", m.Value!)));

    private async Task<JsonNode> DocumentAsync()
    {
        using var anonymous = _desk.App.CreateClient();
        return await (await anonymous.GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
    }
}
