using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportFlow.IntegrationTests.Infrastructure;

/// <summary>
/// A help desk set up through the admin API: teams Systems (eng1, sup1) and Hardware (eng2),
/// modules "Sales module V3.2" and "Meeting room A printer", reporters alice and bob.
/// </summary>
public sealed class Desk : IAsyncDisposable
{
    public const string SalesModule = "Sales module V3.2";
    public const string Printer = "Meeting room A printer";

    private Desk(SupportFlowApp app) => App = app;

    public SupportFlowApp App { get; }

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Supervisor { get; private set; } = null!;

    public HttpClient Engineer { get; private set; } = null!;

    /// <summary>eng2, of the Hardware team: not responsible for sales tickets.</summary>
    public HttpClient OtherEngineer { get; private set; } = null!;

    public HttpClient Alice { get; private set; } = null!;

    public HttpClient Bob { get; private set; } = null!;

    public static async Task<Desk> OpenAsync(SupportFlowApp? app = null)
    {
        var desk = new Desk(app ?? new SupportFlowApp());
        await desk.App.CreateUserAsync("admin", "admin");
        desk.Admin = await desk.App.ClientForAsync("admin");
        await desk.SetUpAsync();
        return desk;
    }

    private async Task SetUpAsync()
    {
        foreach (var (login, role) in new[] { ("sup1", "supervisor"), ("eng1", "engineer"), ("eng2", "engineer") })
        {
            (await Admin.PostAsJsonAsync("/api/users", new { login, name = login.ToUpperInvariant(), role, department = "IT" }))
                .EnsureSuccessStatusCode();
        }

        (await Admin.PostAsJsonAsync("/api/users", new { login = "alice", name = "Alice 王", role = "reporter", department = "Sales", email = "alice@example.com", phone = "1001" })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/users", new { login = "bob", name = "Bob", role = "reporter", department = "Finance" })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/teams", new { name = "Systems", members = new[] { "eng1", "sup1" }, assignmentMode = "manual" })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/teams", new { name = "Hardware", members = new[] { "eng2" } })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/modules", new { name = SalesModule, category = "system", team = "Systems" })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/modules", new { name = Printer, category = "hardware", team = "Hardware" })).EnsureSuccessStatusCode();

        Supervisor = await App.ClientForAsync("sup1");
        Engineer = await App.ClientForAsync("eng1");
        OtherEngineer = await App.ClientForAsync("eng2");
        Alice = await App.ClientForAsync("alice");
        Bob = await App.ClientForAsync("bob");
    }

    /// <summary>A valid report body; override fields with <paramref name="change"/>.</summary>
    public static JsonObject Report(Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["title"] = "登录时提示验证码错误",
            ["description"] = "Login says 'captcha wrong' even after refreshing.",
            ["occurredAt"] = "2026-05-20T14:10+08:00",
            ["module"] = SalesModule,
            ["impact"] = "Sales team cannot take orders",
            ["priority"] = "P2",
            ["channel"] = "portal",
        };
        change?.Invoke(body);
        return body;
    }

    /// <summary>Alice reports a problem; returns its number.</summary>
    public async Task<string> ReportAsync(HttpClient? by = null, Action<JsonObject>? change = null)
    {
        var response = await (by ?? Alice).PostAsJsonAsync("/api/tickets", Report(change));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}

public static class HttpAssertions
{
    public static async Task<JsonObject> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonArray> JsonArray(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>Asserts a 400 problem that names <paramref name="field"/> among its errors.</summary>
    public static async Task<JsonObject> FieldError(this HttpResponseMessage response, string field,
        HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var problem = await response.Json(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field),
            $"Expected an error for '{field}', got: {problem.ToJsonString(new JsonSerializerOptions { WriteIndented = false })}");
        return problem;
    }

    public static Task<HttpResponseMessage> Act(this HttpClient client, string number, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/tickets/{number}/{action}", body ?? new { });
}
