using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportFlow.IntegrationTests.Infrastructure;

/// <summary>
/// A help desk set up through the admin API, named the way its first users name things (the
/// seed's examples): teams 系统组 (eng1 张伟, sup1 李娜) and "硬件组 Hardware" (eng2 "王芳 Fang Wang"),
/// modules 销售模块V3.2 and "会议室A打印机 Printer &amp; Scanner", departments 信息部, 销售部,
/// 财务部, reporters alice ("Alice 王", 销售部) and bob ("吴波 / Bob Wu", 财务部). Logins stay
/// ASCII (the product allows only a-z 0-9 . _ - @). Names that go into URLs have spaces and '&amp;'
/// but no '/': teams, modules and departments refuse it by design (NamesRoundTripTests).
/// </summary>
public sealed class Desk : IAsyncDisposable
{
    public const string SystemsTeam = "系统组";
    public const string HardwareTeam = "硬件组 Hardware";
    public const string SalesModule = "销售模块V3.2";
    public const string Printer = "会议室A打印机 Printer & Scanner";
    public const string ItDepartment = "信息部";
    public const string SalesDepartment = "销售部";
    public const string FinanceDepartment = "财务部";
    public const string SupervisorName = "李娜";
    public const string EngineerName = "张伟";
    public const string OtherEngineerName = "王芳 Fang Wang";
    public const string AliceName = "Alice 王";
    public const string BobName = "吴波 / Bob Wu";

    /// <summary>The title of <see cref="Report"/>'s ticket (a line of the seed).</summary>
    public const string ReportTitle = "登录时提示验证码错误";
    public const string ReportDescription = "登录时提示“验证码错误”,尝试刷新后无效 / Login says 'captcha wrong' even after refreshing.";
    public const string ReportImpact = "无法下单,销售流程停滞 (sales team cannot take orders)";

    private Desk(SupportFlowApp app) => App = app;

    public SupportFlowApp App { get; }

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Supervisor { get; private set; } = null!;

    public HttpClient Engineer { get; private set; } = null!;

    /// <summary>eng2, of the hardware team: not responsible for sales tickets.</summary>
    public HttpClient OtherEngineer { get; private set; } = null!;

    public HttpClient Alice { get; private set; } = null!;

    public HttpClient Bob { get; private set; } = null!;

    /// <summary>A name escaped for one segment of a URL path or a query value.</summary>
    public static string Url(string name) => Uri.EscapeDataString(name);

    /// <summary>
    /// Replaces {systems}, {hardware}, {sales} and {printer} in a query or path with the escaped
    /// fixture names ([InlineData] takes constants only, and a URL must carry them escaped).
    /// </summary>
    public static string Named(string text) => text
        .Replace("{systems}", Url(SystemsTeam), StringComparison.Ordinal)
        .Replace("{hardware}", Url(HardwareTeam), StringComparison.Ordinal)
        .Replace("{sales}", Url(SalesModule), StringComparison.Ordinal)
        .Replace("{printer}", Url(Printer), StringComparison.Ordinal);

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
        foreach (var (login, name, role) in new[]
                 {
                     ("sup1", SupervisorName, "supervisor"), ("eng1", EngineerName, "engineer"), ("eng2", OtherEngineerName, "engineer"),
                 })
        {
            (await Admin.PostAsJsonAsync("/api/users", new { login, name, role, department = ItDepartment })).EnsureSuccessStatusCode();
        }

        (await Admin.PostAsJsonAsync("/api/users", new
        {
            login = "alice", name = AliceName, role = "reporter", department = SalesDepartment, email = "alice@example.com", phone = "1001",
        })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/users", new { login = "bob", name = BobName, role = "reporter", department = FinanceDepartment }))
            .EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/teams", new { name = SystemsTeam, members = new[] { "eng1", "sup1" }, assignmentMode = "manual" }))
            .EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/teams", new { name = HardwareTeam, members = new[] { "eng2" } })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/modules", new { name = SalesModule, category = "system", team = SystemsTeam })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/modules", new { name = Printer, category = "hardware", team = HardwareTeam })).EnsureSuccessStatusCode();

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
            ["title"] = ReportTitle,
            ["description"] = ReportDescription,
            ["occurredAt"] = "2026-05-20T14:10+08:00",
            ["module"] = SalesModule,
            ["impact"] = ReportImpact,
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

    public ValueTask DisposeAsync() => App.DisposeAsync();
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
