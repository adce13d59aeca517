using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Notifications;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Sla.SlaTestKit;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// Escalation levels reach their <c>notify</c> target through the outbox, over real SMTP and a real
/// webhook receiver: each level once per ticket, at its time, in each recipient's language.
/// The team 报表组 Reports (张伟, who reads Chinese, and Lina, who reads English) owns the module 系统 报表V2;
/// 王主管 is a supervisor who reads Chinese. An unassigned P1 breaches assignment 10 minutes after
/// receipt (and first response at 15, update at 2 hours), so a level of N minutes falls due at 10 + N.
/// </summary>
public sealed class EscalationNoticeTests
{
    private const string Team = "报表组 Reports";
    private const string Module = "系统 报表V2";
    private const string Title = "月结报表 导出失败/卡住";
    private static readonly DateTimeOffset T0 = SupportFlowApp.Start;

    private static async Task TeamAsync(Desk desk, object? chat = null)
    {
        foreach (var (login, name, role, language) in new[]
                 {
                     ("zhangwei", "张伟", "engineer", "zh-CN"), ("lina", "Lina 李", "engineer", "en"), ("wangzg", "王主管", "supervisor", "zh-CN"),
                 })
        {
            (await desk.Admin.PostAsJsonAsync("/api/users", new { login, name, role, email = $"{login}@example.com" })).EnsureSuccessStatusCode();
            (await desk.Admin.PutAsJsonAsync($"/api/users/{login}", new { language })).EnsureSuccessStatusCode();
        }

        await (await desk.Admin.PostAsJsonAsync("/api/teams", new { name = Team, members = new[] { "zhangwei", "lina" }, chat }))
            .Json(HttpStatusCode.Created);
        await (await desk.Admin.PostAsJsonAsync("/api/modules", new { name = Module, category = "system", team = Team }))
            .Json(HttpStatusCode.Created);
    }

    private static async Task LevelsAsync(Desk desk, params object[] levels) =>
        await (await desk.Admin.PutAsJsonAsync("/api/sla/escalations", levels)).JsonArray();

    private static async Task<string> ReportP1Async(Desk desk) =>
        (await (await desk.Alice.PostAsJsonAsync("/api/tickets", Desk.Report(b =>
        {
            b["module"] = Module;
            b["priority"] = "P1";
            b["title"] = Title;
            b["occurredAt"] = Iso(desk.Now() - TimeSpan.FromMinutes(5));
        }))).Json(HttpStatusCode.Created)).Str("number");

    /// <summary>Sweeps twice at <paramref name="minutes"/> after receipt and delivers.</summary>
    private static async Task SweepAtAsync(Desk desk, int minutes)
    {
        desk.AdvanceTo(T0 + TimeSpan.FromMinutes(minutes));
        await desk.App.SweepAsync();
        await desk.App.SweepAsync();
        await desk.App.DeliverAsync();
    }

    private static List<ReceivedMail> Escalations(MailInbox inbox) =>
        [.. inbox.Received.Where(m => m.Subject.Contains("SLA escalation", StringComparison.Ordinal)
                                      || m.Subject.Contains("SLA 升级", StringComparison.Ordinal))];

    private static Task<HttpResponseMessage> PutLevels(Desk desk, string notify, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/sla/escalations")
        {
            Content = JsonContent.Create(new[]
            {
                new { name = "一级", afterBreachMinutes = 60, notify = "supervisors" },
                new { name = "二级 部门", afterBreachMinutes = 120, notify },
            }),
        };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return desk.Admin.SendAsync(request);
    }

    [Theory]
    [InlineData("部门负责人", "'部门负责人' is not a valid notify target: use one of supervisors, team, user:<login>, chat.",
        "“部门负责人”不是有效的通知对象:可选 supervisors, team, user:<login>, chat。")]
    [InlineData("Supervisors", "'Supervisors' is not a valid notify target: use one of supervisors, team, user:<login>, chat.",
        "“Supervisors”不是有效的通知对象:可选 supervisors, team, user:<login>, chat。")]
    [InlineData("user:nobody", "There is no user 'nobody' to notify.", "没有可通知的用户“nobody”。")]
    public async Task ABadNotifyIsRefusedInTheCallersLanguageAndNothingIsStored(string notify, string english, string chinese)
    {
        await using var desk = await Desk.OpenAsync();
        await LevelsAsync(desk, new { name = "值班", afterBreachMinutes = 30, notify = "chat" });

        var inEnglish = await (await PutLevels(desk, notify, null)).FieldError("[1].notify");
        var inChinese = await (await PutLevels(desk, notify, "zh-CN")).FieldError("[1].notify");

        Assert.Equal(english, Assert.Single(inEnglish["errors"]!["[1].notify"]!.AsArray())!.GetValue<string>());
        Assert.Equal(chinese, Assert.Single(inChinese["errors"]!["[1].notify"]!.AsArray())!.GetValue<string>());
        Assert.DoesNotContain("[0].notify", inEnglish["errors"]!.AsObject().Select(e => e.Key));
        var kept = Assert.Single(await (await desk.Admin.GetAsync("/api/sla/escalations")).JsonArray());
        Assert.Equal(("值班", "chat"), (kept.Str("name"), kept.Str("notify")));
    }

    [Fact]
    public async Task AValidTargetIsStoredInItsWireForm()
    {
        await using var desk = await Desk.OpenAsync();
        await TeamAsync(desk);

        await LevelsAsync(desk, new { name = "三级 张伟", afterBreachMinutes = 180, notify = " user:ZhangWei " },
            new { name = "一级", afterBreachMinutes = 60, notify = "supervisors" });

        var levels = await (await desk.Supervisor.GetAsync("/api/sla/escalations")).JsonArray();
        Assert.Equal([("一级", "supervisors"), ("三级 张伟", "user:zhangwei")], levels.Select(l => (l.Str("name"), l.Str("notify"))));
    }

    [Fact]
    public async Task EachLevelReachesItsTargetOnceAtItsTimeInEachRecipientsLanguage()
    {
        await using var inbox = MailInbox.Start();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(inbox.Port));
        await TeamAsync(desk);
        await LevelsAsync(desk,
            new { name = "一级 主管", afterBreachMinutes = 60, notify = "supervisors" },
            new { name = "二级 报表组", afterBreachMinutes = 120, notify = "team" },
            new { name = "三级 张伟", afterBreachMinutes = 180, notify = "user:zhangwei" });
        var number = await ReportP1Async(desk);

        await SweepAtAsync(desk, 69);
        Assert.Empty(Escalations(inbox));

        // Level 1 at 70 minutes: the supervisor with an address (王主管), in Chinese.
        await SweepAtAsync(desk, 71);
        var first = Assert.Single(Escalations(inbox));
        Assert.Equal(["wangzg@example.com"], first.EnvelopeTo);
        Assert.Equal($"[#{number}] SLA 升级 一级 主管:{Title}", first.Subject);
        Assert.Contains($"工单 {number}“{Title}”", first.Body, StringComparison.Ordinal);
        Assert.Contains("已超时 1 小时 1 分钟,升级至“一级 主管”", first.Body, StringComparison.Ordinal);
        Assert.Contains($"https://desk.example.com/tickets/{number}", first.Body, StringComparison.Ordinal);
        Assert.Equal("zh-CN", first.Message.Body!.Headers["Content-Language"]);

        // First response reaches level 1 too (at 75 minutes): recorded, not sent again.
        await SweepAtAsync(desk, 76);
        Assert.Single(Escalations(inbox));
        Assert.Single((await desk.HistoryAsync(number)).SlaLines("firstResponse", "escalation:一级 主管"));

        // Level 2 at 130 minutes: each member of the team in their own language.
        await SweepAtAsync(desk, 131);
        var second = Escalations(inbox).Skip(1).ToList();
        Assert.Equal(["lina@example.com", "zhangwei@example.com"], second.SelectMany(m => m.EnvelopeTo).Order(StringComparer.Ordinal));
        var toLina = second.Single(m => m.EnvelopeTo.SequenceEqual(["lina@example.com"]));
        Assert.Equal($"[#{number}] SLA escalation 二级 报表组: {Title}", toLina.Subject);
        Assert.Contains("has been breached for 2 hours 1 minute: escalation level 二级 报表组", toLina.Body, StringComparison.Ordinal);
        Assert.Contains("已超时 2 小时 1 分钟", second.Single(m => m.EnvelopeTo.SequenceEqual(["zhangwei@example.com"])).Body,
            StringComparison.Ordinal);

        // Level 3 at 190 minutes: 张伟 alone.
        await SweepAtAsync(desk, 191);
        var third = Assert.Single(Escalations(inbox).Skip(3));
        Assert.Equal(["zhangwei@example.com"], third.EnvelopeTo);
        Assert.StartsWith($"[#{number}] SLA 升级 三级 张伟:", third.Subject, StringComparison.Ordinal);

        // Later sweeps (update and resolution reach every level again) send nothing new.
        await SweepAtAsync(desk, 600);
        await SweepAtAsync(desk, 601);
        Assert.Equal(4, Escalations(inbox).Count);
        var deliveries = (await desk.Supervisor.DeliveriesAsync(number)).Where(d => d.Str("event") == "slaEscalation").ToList();
        Assert.Equal(4, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("sent", d.Str("status")));
    }

    [Fact]
    public async Task AChatLevelPostsOnceToTheTeamsChat()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(MailInbox.FreePort()));
        await TeamAsync(desk, new { kind = "wecom", url = receiver.Url("/wecom?key=k1") });
        await LevelsAsync(desk, new { name = "值班群", afterBreachMinutes = 30, notify = "chat" });
        var number = await ReportP1Async(desk);

        await SweepAtAsync(desk, 39);
        Assert.DoesNotContain(receiver.Received, h => h.Body.Contains("值班群", StringComparison.Ordinal));

        await SweepAtAsync(desk, 41);
        await SweepAtAsync(desk, 300);

        var hook = Assert.Single(receiver.Received, h => h.Body.Contains("值班群", StringComparison.Ordinal));
        var content = JsonNode.Parse(hook.Body)!["markdown"]!["content"]!.GetValue<string>();
        Assert.StartsWith($"**[#{number}] SLA escalation 值班群: {Title}", content, StringComparison.Ordinal);
        Assert.Contains("31 minutes", content, StringComparison.Ordinal);
    }
}
