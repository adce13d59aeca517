using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Notifications;

/// <summary>Team chat groups: each platform's payload and signature as a local HTTP receiver sees them.</summary>
public sealed class ChatWebhookTests
{
    private const string Secret = "SEC0123456789abcdef";

    private static async Task<(Desk Desk, string Number)> NewTicketForChatAsync(WebhookReceiver receiver, string kind,
        int maxAttempts = 6)
    {
        var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(MailInbox.FreePort(), maxAttempts));
        await desk.RoundRobinTeamAsync(chat: new { kind, url = receiver.Url($"/{kind}?access_token=t0k"), secret = Secret });
        var number = await desk.ReportAsync(change: b =>
        {
            b["module"] = "ERP V5";
            b["priority"] = "P3";
        });
        await desk.App.DeliverAsync();
        return (desk, number);
    }

    private static byte[] Hmac(string key, string data) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data));

    [Fact]
    public async Task WecomGetsAMarkdownMessage()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (desk, number) = await NewTicketForChatAsync(receiver, "wecom");
        await using var _ = desk;

        var hook = Assert.Single(receiver.Received);
        var body = JsonNode.Parse(hook.Body)!;
        Assert.Equal(("/wecom", "?access_token=t0k"), (hook.Path, hook.Query));
        Assert.StartsWith("application/json", hook.ContentType, StringComparison.Ordinal);
        Assert.Equal("markdown", body["msgtype"]!.GetValue<string>());
        Assert.StartsWith($"**[#{number}] New ticket:", body["markdown"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DingtalkIsSignedInTheQueryWithTimestampAndHmacOfTimestampAndSecret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (desk, number) = await NewTicketForChatAsync(receiver, "dingtalk");
        await using var _ = desk;

        var hook = Assert.Single(receiver.Received);
        var query = System.Web.HttpUtility.ParseQueryString(hook.Query);
        var timestamp = query["timestamp"]!;
        Assert.Equal("t0k", query["access_token"]);
        Assert.Equal(desk.App.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(Convert.ToBase64String(Hmac(Secret, $"{timestamp}\n{Secret}")), query["sign"]);
        var body = JsonNode.Parse(hook.Body)!;
        Assert.Equal("markdown", body["msgtype"]!.GetValue<string>());
        Assert.StartsWith($"[#{number}]", body["markdown"]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ERP V5", body["markdown"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeishuCarriesTimestampAndSignInTheBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (desk, number) = await NewTicketForChatAsync(receiver, "feishu");
        await using var _ = desk;

        var body = JsonNode.Parse(Assert.Single(receiver.Received).Body)!;
        var timestamp = body["timestamp"]!.GetValue<string>();
        Assert.Equal(desk.App.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestamp}\n{Secret}"), Array.Empty<byte>())),
            body["sign"]!.GetValue<string>());
        Assert.Equal("text", body["msg_type"]!.GetValue<string>());
        Assert.StartsWith($"[#{number}] New ticket", body["content"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackGetsTextAndAMarkdownSection()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (desk, number) = await NewTicketForChatAsync(receiver, "slack");
        await using var _ = desk;

        var body = JsonNode.Parse(Assert.Single(receiver.Received).Body)!;
        Assert.StartsWith($"[#{number}] New ticket", body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var section = body["blocks"]![0]!;
        Assert.Equal(("section", "mrkdwn"), (section["type"]!.GetValue<string>(), section["text"]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TeamsGetsAnAdaptiveCardMessage()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (desk, number) = await NewTicketForChatAsync(receiver, "teams");
        await using var _ = desk;

        var body = JsonNode.Parse(Assert.Single(receiver.Received).Body)!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        var attachment = body["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "TextBlock"), (card["type"]!.GetValue<string>(), card["body"]![0]!["type"]!.GetValue<string>()));
        Assert.StartsWith($"[#{number}]", card["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGenericWebhookIsSignedWithHmacSha256OfTheBodyInAHeader()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (desk, number) = await NewTicketForChatAsync(receiver, "generic");
        await using var _ = desk;

        var hook = Assert.Single(receiver.Received);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(Hmac(Secret, hook.Body)), hook.Headers["X-SupportFlow-Signature-256"]);
        var body = JsonNode.Parse(hook.Body)!;
        Assert.Equal(("newTicket", number), (body["event"]!.GetValue<string>(), body["ticket"]!.GetValue<string>()));
        Assert.Equal(body["messageId"]!.GetValue<string>(), hook.Headers["X-SupportFlow-Message-Id"]);
        var delivery = (await desk.Supervisor.DeliveriesAsync(number)).Single(d => d!["channel"]!.GetValue<string>() == "chat")!;
        Assert.Equal(("sent", "Desk", "newTicket"), (delivery["status"]!.GetValue<string>(), delivery["recipient"]!.GetValue<string>(),
            delivery["event"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AWebhookAnswering500FailsVisiblyAfterItsRetriesAndLosesNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answers["/slack"] = (500, "oops");
        var (desk, number) = await NewTicketForChatAsync(receiver, "slack", maxAttempts: 3);
        await using var _ = desk;
        desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await desk.App.DeliverAsync();
        desk.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await desk.App.DeliverAsync();

        Assert.Equal(3, receiver.Received.Count);
        var failed = (await (await desk.Admin.GetAsync("/api/notifications?status=failed")).JsonArray())
            .Single(n => n!["channel"]!.GetValue<string>() == "chat")!;
        Assert.Equal((number, 3), (failed["ticket"]!.GetValue<string>(), failed["attempts"]!.GetValue<int>()));
        Assert.Contains("500", failed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);

        receiver.Answers.Clear();
        await (await desk.Admin.PostAsync($"/api/notifications/{failed["id"]}/retry", null)).Json(HttpStatusCode.OK);
        await desk.App.DeliverAsync();
        Assert.Equal(4, receiver.Received.Count);
        var chat = (await desk.Supervisor.DeliveriesAsync(number)).Single(d => d!["channel"]!.GetValue<string>() == "chat")!;
        Assert.Equal("sent", chat["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnHttp200ThatRefusesTheMessageCountsAsAFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answers["/dingtalk"] = (200, """{"errcode":310000,"errmsg":"sign not match"}""");
        var (desk, number) = await NewTicketForChatAsync(receiver, "dingtalk");
        await using var _ = desk;

        var chat = (await desk.Supervisor.DeliveriesAsync(number)).Single(d => d!["channel"]!.GetValue<string>() == "chat")!;
        Assert.Equal("pending", chat["status"]!.GetValue<string>());
        Assert.Contains("310000", chat["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATicketMovedFromTheServiceDeskQueueIntoATeamReachesThatTeamsChatOncePerTeam()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(MailInbox.FreePort()));
        await desk.RoundRobinTeamAsync(mode: "manual", chat: new { kind = "generic", url = receiver.Url("/desk") });
        (await desk.Admin.PostAsJsonAsync("/api/users", new { login = "zhao", name = "赵工", role = "engineer", email = "zhao@example.com" }))
            .EnsureSuccessStatusCode();
        (await desk.Admin.PostAsJsonAsync("/api/teams",
            new { name = "Field", members = new[] { "zhao" }, chat = new { kind = "generic", url = receiver.Url("/field") } }))
            .EnsureSuccessStatusCode();
        // No team and no default team for its category: tickets wait in the service desk queue.
        (await desk.Admin.PostAsJsonAsync("/api/modules", new { name = "Lobby kiosk", category = "kiosk" })).EnsureSuccessStatusCode();
        var number = await desk.ReportAsync(change: b =>
        {
            b["module"] = "Lobby kiosk";
            b["priority"] = "P3";
        });
        async Task<string[]> NewsAsync(string path)
        {
            await desk.App.DeliverAsync();
            return [.. receiver.Received.Where(h => h.Path == path).Select(h => JsonNode.Parse(h.Body)!)
                .Where(b => b["event"]!.GetValue<string>() == "newTicket").Select(b => b["ticket"]!.GetValue<string>())];
        }

        Assert.Empty(await NewsAsync("/desk"));

        (await desk.Supervisor.Act(number, "assign", new { assignee = "li", team = "Desk" })).EnsureSuccessStatusCode();
        Assert.Equal([number], await NewsAsync("/desk"));
        var hook = JsonNode.Parse(receiver.Received.Single(h => h.Path == "/desk").Body)!;
        Assert.Contains("for team Desk", hook["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Another owner in the same team is not news to the team.
        (await desk.Supervisor.Act(number, "assign", new { assignee = "wang" })).EnsureSuccessStatusCode();
        Assert.Equal([number], await NewsAsync("/desk"));

        // Moved to another team: that team hears of it; moved back: Desk has heard of it already.
        (await desk.Supervisor.Act(number, "assign", new { assignee = "zhao", team = "Field" })).EnsureSuccessStatusCode();
        Assert.Equal([number], await NewsAsync("/field"));
        (await desk.Supervisor.Act(number, "assign", new { assignee = "li", team = "Desk" })).EnsureSuccessStatusCode();
        Assert.Equal([number], await NewsAsync("/desk"));
        Assert.Equal([number], await NewsAsync("/field"));
        var chats = (await desk.Supervisor.DeliveriesAsync(number)).Where(d => d!["channel"]!.GetValue<string>() == "chat").ToList();
        Assert.Equal([("Desk", "sent"), ("Field", "sent")],
            chats.Select(d => (d!["recipient"]!.GetValue<string>(), d["status"]!.GetValue<string>())));
    }

    [Fact]
    public async Task AnEngineerWhoPrefersChatIsNamedInTheTeamChatInsteadOfMailed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(MailInbox.FreePort()));
        await desk.RoundRobinTeamAsync(chat: new { kind = "generic", url = receiver.Url("/generic") });
        (await desk.Admin.PutAsJsonAsync("/api/users/li", new { notifyBy = "chat" })).EnsureSuccessStatusCode();

        var number = await desk.ReportAsync(change: b => b["module"] = "ERP V5");

        var deliveries = await desk.Supervisor.DeliveriesAsync(number);
        var forLi = deliveries.Where(d => d!["event"]!.GetValue<string>() == "assignedToYou").ToList();
        var chat = Assert.Single(forLi)!;
        Assert.Equal(("chat", "李工"), (chat["channel"]!.GetValue<string>(), chat["recipientName"]!.GetValue<string>()));
        await desk.App.DeliverAsync();
        var hook = receiver.Received.Single(h => JsonNode.Parse(h.Body)!["event"]!.GetValue<string>() == "assignedToYou");
        Assert.StartsWith("@李工 ", JsonNode.Parse(hook.Body)!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(hook.Headers.ContainsKey("X-SupportFlow-Signature-256")); // no secret, no signature
    }
}
