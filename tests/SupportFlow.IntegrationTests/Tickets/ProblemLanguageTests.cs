using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// The API's refusals in the caller's language: Accept-Language first, else the token owner's saved
/// language, else English. The problem's machine-readable parts (status, currentStatus, field names)
/// stay the same in every language.
/// </summary>
public sealed partial class ProblemLanguageTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task ARefusedTransitionAskedInChineseIsExplainedInChinese()
    {
        var number = await _desk.TicketAtAsync(Stage.New);

        var problem = await (await Send(_desk.Supervisor, $"/api/tickets/{number}/resolve", new { solution = "重启服务" }, "zh-CN"))
            .Json(HttpStatusCode.Conflict);

        Assert.Equal("new", problem.Str("currentStatus"));
        Assert.Equal("工单当前状态不允许此操作", problem.Str("title"));
        Assert.Equal($"工单 {number} 当前为“新建”,不能执行“解决”。", problem.Str("detail"));
        Assert.DoesNotMatch(EnglishSentence(), problem.Str("detail"));
    }

    [Fact]
    public async Task TheSameRefusalWithoutALanguageIsEnglish()
    {
        var number = await _desk.TicketAtAsync(Stage.New);

        var problem = await (await Send(_desk.Supervisor, $"/api/tickets/{number}/resolve", new { solution = "Restarted" }, null))
            .Json(HttpStatusCode.Conflict);

        Assert.Equal($"Ticket {number} is new: 'resolve' is not allowed in that status.", problem.Str("detail"));
    }

    [Fact]
    public async Task AReporterRefusedATriageInChineseHearsWhyInChinese()
    {
        var number = await _desk.TicketAtAsync(Stage.New);

        var problem = await (await Send(_desk.Alice, $"/api/tickets/{number}/triage", new { priority = "P1", reason = "全组无法下单" }, "zh"))
            .Json(HttpStatusCode.Forbidden);

        Assert.Equal($"报修人不能对工单 {number} 执行“分级”:这由主管决定。", problem.Str("detail"));
    }

    [Fact]
    public async Task InvalidFieldsInChineseKeepTheirFieldNamesAndSayWhatIsWrongInChinese()
    {
        var response = await Send(_desk.Alice, "/api/tickets", Desk.Report(b =>
        {
            b.Remove("title");
            b["priority"] = "P9";
        }), "zh-CN,zh;q=0.9,en;q=0.5");

        var problem = await response.FieldError("title");
        Assert.Equal("有字段填写不正确。", problem.Str("title"));
        var errors = problem["errors"]!.AsObject();
        Assert.Equal("此项必填。", errors["title"]![0]!.GetValue<string>());
        var priority = errors["priority"]![0]!.GetValue<string>();
        Assert.Contains("P9", priority, StringComparison.Ordinal);
        Assert.DoesNotMatch(EnglishSentence(), priority);
    }

    [Fact]
    public async Task ATokenOwnersSavedLanguageAppliesWhenTheRequestNamesNone()
    {
        (await _desk.Admin.PostAsJsonAsync("/api/users", new
        {
            login = "zhao", name = "赵工", role = "supervisor", department = Desk.ItDepartment, language = "zh-CN",
        })).EnsureSuccessStatusCode();
        var zhao = await _desk.App.ClientForAsync("zhao");
        var number = await _desk.TicketAtAsync(Stage.New);

        var saved = await (await Send(zhao, $"/api/tickets/{number}/close", new { cause = "原因", solution = "方案" }, null))
            .Json(HttpStatusCode.Conflict);
        var asked = await (await Send(zhao, $"/api/tickets/{number}/close", new { cause = "cause", solution = "fix" }, "en"))
            .Json(HttpStatusCode.Conflict);

        Assert.Equal($"工单 {number} 当前为“新建”,不能执行“关闭”。", saved.Str("detail"));
        Assert.Equal($"Ticket {number} is new: 'close' is not allowed in that status.", asked.Str("detail"));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, object body, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return client.SendAsync(request);
    }

    [GeneratedRegex("[A-Za-z']+ [A-Za-z']+ [A-Za-z']+ [A-Za-z']+")]
    private static partial Regex EnglishSentence();
}
