using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Reviews;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// Forms that repeated or misled (issue 21, item 5), over HTTP as a browser posts them: Close starts from the
/// resolve's cause and solution and keeps files; owner lists offer staff only (roles are stored as text, so the
/// database cannot rank them); field messages name the label; a typed department is only created when asked.
/// </summary>
public sealed partial class FormsThatMisleadTests
{
    [Fact]
    public async Task CloseStartsFromTheResolveAndKeepsItsFilesButARefusedFileLeavesTheTicketOpen()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();
        await desk.MoveAsync(number, Stage.Assigned, desk.Alice);
        Assert.True((await desk.Engineer.Act(number, "start")).IsSuccessStatusCode);
        Assert.True((await desk.Engineer.Act(number, "resolve", new
        {
            solution = "重建会话索引 / rebuilt the session index", cause = "会话索引失效 (index 100% stale?)", verification = "remote",
        })).IsSuccessStatusCode);
        Assert.True((await desk.Alice.Act(number, "confirm", new { resolved = true, rating = 5 })).IsSuccessStatusCode);
        var engineer = await ConsoleQueueTests.SignInAsync(desk, "eng1");

        var page = await ConsoleQueueTests.PageAsync(engineer, $"/tickets/{number}", HttpStatusCode.OK);
        Assert.Equal("会话索引失效 (index 100% stale?)", TextArea(page, "close-cause"));
        Assert.Equal("重建会话索引 / rebuilt the session index", TextArea(page, "close-solution"));

        var refused = await CloseAsync(engineer, number, page, ("setup.exe", "MZ\u0090\u0000"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-field=\"files\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("resolved", (await desk.GetTicketAsync(number)).Str("status"));

        var closed = await CloseAsync(engineer, number, page, ("数据库 日志 100%.log", "ERROR pool exhausted\n"u8.ToArray()),
            ("screen.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var ticket = await desk.GetTicketAsync(number);
        Assert.Equal("closed", ticket.Str("status"));
        Assert.Equal("会话索引失效 (index 100% stale?)", ticket.Str("cause"));
        var files = await (await desk.Supervisor.GetAsync($"/api/tickets/{number}/attachments")).JsonArray();
        Assert.Equal(["数据库 日志 100%.log", "screen.png"], files.Select(f => f!["fileName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AssignAndPreventiveActionOwnersAreStaffOnly()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();
        var supervisor = await ConsoleQueueTests.SignInAsync(desk, "sup1");

        var owners = Options(await ConsoleQueueTests.PageAsync(supervisor, $"/tickets/{number}", HttpStatusCode.OK), "assign-assignee");
        Assert.Equal(["admin", "eng1", "eng2", "sup1"], owners.Order(StringComparer.Ordinal));

        var review = await (await desk.Supervisor.PostAsJsonAsync("/api/reviews", new { tickets = new[] { number }, reason = "登录问题复盘" }))
            .Json(HttpStatusCode.Created);
        owners = Options(await ConsoleQueueTests.PageAsync(supervisor, $"/reviews/{review.Num("id")}", HttpStatusCode.OK), "action-owner");
        Assert.Equal(["admin", "eng1", "eng2", "sup1"], owners.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("en", "“When did it happen” cannot be after the report was received.", "“Title” is required.")]
    [InlineData("zh-CN", "发生时间不能晚于报修时间。", "此项必填。")]
    public async Task AFormNamesTheFieldByItsLabelWhileTheApiKeepsTheWireName(string language, string occurred, string title)
    {
        await using var desk = await Desk.OpenAsync();
        var alice = await ConsoleQueueTests.SignInAsync(desk, "alice", language);
        var form = await alice.GetStringAsync("/tickets/new");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(WebSignIn.Token(form)), "__csrf" }, { new StringContent(" "), "title" },
            { new StringContent("2026-05-21T09:00"), "occurredAt" }, { new StringContent("Something is off"), "description" },
        };
        var response = await alice.PostAsync("/tickets/new", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"data-field=\"occurredAt\">{occurred}", html, StringComparison.Ordinal);
        Assert.Contains($"data-field=\"title\">{title}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("occurredAt cannot", html, StringComparison.Ordinal);

        var problem = await (await desk.Alice.PostAsJsonAsync("/api/tickets", Desk.Report(b => b["occurredAt"] = "2026-05-21T09:00+08:00")))
            .FieldError("occurredAt");
        Assert.Equal("occurredAt cannot be after the report was received.", problem["errors"]!["occurredAt"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ADepartmentTypedOnTheUserFormIsCreatedOnlyWhenTickedAndTheEditorOpensFullWidth()
    {
        await using var desk = await Desk.OpenAsync();
        var admin = await desk.App.SignInAsync("admin");

        var page = await admin.GetStringAsync("/admin/users");
        var refused = await PostAsync(admin, page, "/admin/users?handler=Create", new()
        {
            ["login"] = "wang.fang", ["name"] = "王芳", ["role"] = "reporter", ["department"] = "销售部门",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-field=\"department\">There is no department \"销售部门\"",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/users/wang.fang")).StatusCode);
        Assert.DoesNotContain("销售部门", await Departments(desk));

        // An existing one needs no tick; a new one with the tick is created.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, page, "/admin/users?handler=Create", new()
        {
            ["login"] = "wang.fang", ["name"] = "王芳", ["role"] = "reporter", ["department"] = Desk.SalesDepartment,
        })).StatusCode);
        page = await ConsoleQueueTests.PageAsync(admin, "/admin/users?edit=wang.fang", HttpStatusCode.OK);
        Assert.Matches("<section class=\"card\" id=\"edit-user\"[^>]*data-login=\"wang.fang\"", page);
        Assert.DoesNotContain("<details", Regex.Match(page, "<table id=\"users\">.*?</table>", RegexOptions.Singleline).Value, StringComparison.Ordinal);

        var typo = await PostAsync(admin, page, "/admin/users?handler=Update&login=wang.fang", new() { ["role"] = "reporter", ["department"] = "Sales & 市场 50%" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, typo.StatusCode);
        Assert.Contains("id=\"edit-user\"", await typo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Desk.SalesDepartment, (await (await desk.Admin.GetAsync("/api/users/wang.fang")).Json(HttpStatusCode.OK)).Str("department"));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, page, "/admin/users?handler=Update&login=wang.fang", new()
        {
            ["role"] = "reporter", ["department"] = "Sales & 市场 50%", ["newDepartment"] = "true",
        })).StatusCode);
        Assert.Equal("Sales & 市场 50%", (await (await desk.Admin.GetAsync("/api/users/wang.fang")).Json(HttpStatusCode.OK)).Str("department"));
        Assert.Contains("Sales & 市场 50%", await Departments(desk));
    }

    private static async Task<List<string>> Departments(Desk desk) =>
        [.. (await (await desk.Admin.GetAsync("/api/departments")).JsonArray()).Select(d => d is JsonObject o ? o.Str("name") : d!.GetValue<string>())];

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__csrf"] = WebSignIn.Token(page);
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static Task<HttpResponseMessage> CloseAsync(HttpClient client, string number, string page, params (string Name, byte[] Bytes)[] files)
    {
        var body = new MultipartFormDataContent
        {
            { new StringContent(WebSignIn.Token(page)), "__csrf" },
            { new StringContent(TextArea(page, "close-cause")), "cause" },
            { new StringContent(TextArea(page, "close-solution")), "solution" },
        };
        foreach (var (name, bytes) in files)
        {
            body.Add(new ByteArrayContent(bytes), "files", name);
        }

        return client.PostAsync($"/tickets/{number}?handler=Close", body);
    }

    private static string TextArea(string page, string id) =>
        WebUtility.HtmlDecode(Regex.Match(page, $"<textarea id=\"{id}\"[^>]*>([^<]*)</textarea>").Groups[1].Value);

    private static List<string> Options(string page, string selectId) =>
        [.. Regex.Matches(Regex.Match(page, $"<select id=\"{selectId}\".*?</select>", RegexOptions.Singleline).Value, "<option value=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value)];
}
