using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Security;

/// <summary>
/// Someone who may not act on a ticket is refused before their body is read (issue 20, item 11):
/// whatever they send (a login that exists or not, a team, a wrong type, no JSON at all), the
/// answer is the same status and the same problem, so it cannot be used to probe the directory.
/// (A body that is not JSON at all is a 415 from routing, for everyone and every ticket alike.)
/// </summary>
public sealed class PermissionBeforeBodyTests : IAsyncLifetime
{
    private Desk _desk = null!;
    private string _ticket = null!;
    private string _other = null!;

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        _ticket = await _desk.ReportAsync();
        _other = await _desk.ReportAsync(change: b => b["title"] = "打印机卡纸 paper jam?");
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    /// <summary>Each action's bodies: valid ones first, then bodies whose answer would tell something (or nothing) if read.</summary>
    private static readonly Dictionary<string, string[]> Bodies = new(StringComparer.Ordinal)
    {
        ["triage"] = ["""{"priority":"P1","reason":"影响全部门"}""", """{"priority":"P9"}""", """{"priority":1}"""],
        ["assign"] =
        [
            $$"""{"assignee":"eng1","team":"{{Desk.SystemsTeam}}"}""", """{"assignee":"eng2"}""", """{"assignee":"nobody-here"}""",
            $$"""{"assignee":"eng2","team":"{{Desk.SystemsTeam}}"}""", $$"""{"assignee":"eng1","team":"没有这个组 100%?"}""",
            """{"assignee":"alice"}""", """{"assignee":5}""",
        ],
        ["worklog"] = ["""{"text":"查看了日志","method":"remote"}""", """{"text":"","method":"teleport"}""", """{"text":["x"]}"""],
        ["update"] = ["""{"message":"正在处理"}""", """{"message":""}""", """{"message":{"zh":"x"}}"""],
        ["comment"] = ["""{"message":"还是不行"}""", """{"message":""}"""],
        ["pend"] = ["""{"reason":"vendor","note":"等厂商"}""", """{"reason":"holiday"}"""],
        ["resolve"] = ["""{"solution":"清除缓存"}""", """{"solution":"","verification":"moon"}"""],
        ["confirm"] = ["""{"resolved":true,"rating":5}""", """{"rating":9}""", """{"resolved":"yes"}"""],
        ["close"] = ["""{"cause":"缓存","solution":"清除"}""", """{}"""],
        ["reopen"] = ["""{"reason":"又出现了"}""", """{"reason":""}"""],
        ["cancel"] = ["""{"reason":"重复"}""", """{"reason":""}"""],
        ["departments"] =
        [
            $$"""{"department":"{{Desk.FinanceDepartment}}","responsible":false}""", """{"department":"不存在的部门"}""",
            $$"""{"department":"{{Desk.ItDepartment}}","responsible":"yes"}""",
        ],
        ["vendors"] =
        [
            """{"name":"陈工","company":"Acme & Co","email":"chen@acme.example"}""", """{"name":"","company":"","email":"not-an-address"}""",
        ],
        ["links"] = ["""{"kind":"related","ticket":"{other}"}""", """{"kind":"related","ticket":"20990101-999"}""", """{"kind":"friend"}"""],
        ["merge"] = ["""{"into":"{other}"}""", """{"into":"20990101-999"}""", """{"into":"{ticket}"}"""],
    };

    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        // bob: a reporter on alice's ticket, which he may not even see.
        foreach (var action in Bodies.Keys)
        {
            data.Add("bob", action);
        }

        // alice: her own ticket, but the work on it is staff's.
        foreach (var action in new[] { "triage", "assign", "worklog", "update", "pend", "resolve", "close", "departments", "vendors", "links", "merge" })
        {
            data.Add("alice", action);
        }

        // eng2: staff of another team (and of no department the ticket involves).
        foreach (var action in Bodies.Keys)
        {
            data.Add("eng2", action);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task EveryBodyGetsTheSameRefusal(string login, string action)
    {
        var client = await _desk.App.ClientForAsync(login);
        var path = $"/api/tickets/{_ticket}/{action}";
        var bodies = Bodies[action].Select(b => b.Replace("{other}", _other, StringComparison.Ordinal)
            .Replace("{ticket}", _ticket, StringComparison.Ordinal)).ToList();
        var answers = new List<(string Sent, HttpStatusCode Status, string Problem)>();
        foreach (var content in bodies.Select(b => (HttpContent)new StringContent(b, Encoding.UTF8, "application/json"))
                     .Append(new StringContent("{\"assignee\": nobody", Encoding.UTF8, "application/json")) // not JSON
                     .Append(new StringContent("", Encoding.UTF8, "application/json"))) // no body
        {
            var sent = await content.ReadAsStringAsync();
            var response = await client.PostAsync(path, content);
            answers.Add((sent, response.StatusCode, await ProblemAsync(response)));
        }

        var first = answers[0];
        Assert.True(first.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
            $"{login} {action} with a valid body: {(int)first.Status} {first.Problem}");
        foreach (var answer in answers.Skip(1))
        {
            Assert.True(answer.Status == first.Status && answer.Problem == first.Problem,
                $"{login} {action}: '{first.Sent}' got {(int)first.Status} {first.Problem}, but '{answer.Sent}' got {(int)answer.Status} {answer.Problem}");
        }

        var ticket = await (await _desk.Supervisor.GetAsync($"/api/tickets/{_ticket}")).Json(HttpStatusCode.OK);
        Assert.Equal("new", ticket["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("bob")]
    [InlineData("eng2")]
    public async Task RemovingADepartmentIsRefusedAlikeForKnownAndUnknownDepartments(string login)
    {
        var client = await _desk.App.ClientForAsync(login);
        var known = await client.DeleteAsync($"/api/tickets/{_ticket}/departments/{Desk.Url(Desk.FinanceDepartment)}");
        var unknown = await client.DeleteAsync($"/api/tickets/{_ticket}/departments/{Desk.Url("不存在 100%?")}");

        Assert.True(known.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{(int)known.StatusCode}");
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await ProblemAsync(known), await ProblemAsync(unknown));
    }

    [Fact]
    public async Task AnEngineerOfAnotherTeamIsRefusedAnUploadWithOrWithoutAFile()
    {
        var withFile = new MultipartFormDataContent { { new ByteArrayContent("log"u8.ToArray()), "file", "日志 1.txt" } };
        var refused = await _desk.OtherEngineer.PostAsync($"/api/tickets/{_ticket}/attachments", withFile);
        var empty = await _desk.OtherEngineer.PostAsync($"/api/tickets/{_ticket}/attachments", new MultipartFormDataContent());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(refused.StatusCode, empty.StatusCode);
        Assert.Equal(await ProblemAsync(refused), await ProblemAsync(empty));
    }

    /// <summary>The problem without what differs per request anyway (its trace id).</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return "";
        }

        var problem = JsonNode.Parse(text)!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }
}
