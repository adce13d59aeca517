using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Intake;

namespace SupportFlow.IntegrationTests.Intake;

/// <summary>
/// Chat bots report to the desk: each platform's signed request opens a ticket and is answered
/// with its number; a badly signed one is refused and changes nothing.
/// </summary>
public sealed class ChatIntakeTests : IAsyncLifetime
{
    private const string DingTalkSecret = "SECdingtalk-app-secret";
    private const string GenericSecret = "generic-shared-secret";
    private const string WeComToken = "wecom-token";
    private const string FeishuToken = "feishu-verification-token";
    private const string FeishuKey = "feishu-encrypt-key";
    private static readonly string WeComAesKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()).TrimEnd('=');

    private Desk _desk = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        var app = new SupportFlowApp();
        app.Settings["SupportFlow:Outbound:AllowPrivateAddresses"] = "true"; // Feishu answers go to a WebhookReceiver on 127.0.0.1
        _desk = await Desk.OpenAsync(app);
        _anonymous = _desk.App.CreateClient();
        foreach (var channel in new object[]
                 {
                     new { name = "ding", platform = "dingTalk", secret = DingTalkSecret, module = Desk.SalesModule },
                     new { name = "wecom", platform = "weCom", token = WeComToken, aesKey = WeComAesKey, module = Desk.SalesModule },
                     new { name = "feishu", platform = "feishu", token = FeishuToken, secret = FeishuKey, module = Desk.SalesModule },
                     new { name = "generic", platform = "generic", secret = GenericSecret, module = Desk.SalesModule, priority = "P2" },
                 })
        {
            (await _desk.Admin.PostAsJsonAsync("/api/chat-channels", channel)).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private long NowMs => _desk.App.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<JsonArray> TicketsAsync() =>
        (await (await _desk.Supervisor.GetAsync("/api/tickets")).Json(HttpStatusCode.OK))["items"]!.AsArray();

    private Task<HttpResponseMessage> DingTalkAsync(string text, string msgId, string? secret = null, long? timestamp = null)
    {
        var ts = (timestamp ?? NowMs).ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/chat/ding")
        {
            Content = JsonContent.Create(new
            {
                msgtype = "text", text = new { content = text }, msgId, senderNick = "王小明", senderStaffId = "0101",
                conversationType = "2", conversationTitle = "IT 支持群",
            }),
        };
        request.Headers.Add("timestamp", ts);
        request.Headers.Add("sign", ChatSignatures.DingTalk(secret ?? DingTalkSecret, ts));
        return _anonymous.SendAsync(request);
    }

    [Fact]
    public async Task ASignedDingTalkMessageOpensATicketAndTheBotAnswersWithItsNumber()
    {
        var response = await DingTalkAsync("打印机卡纸，无法打印合同", "msg-1");

        var answer = await response.Json(HttpStatusCode.OK);
        var ticket = Assert.Single(await TicketsAsync())!;
        var number = ticket["number"]!.GetValue<string>();
        Assert.Equal("text", answer["msgtype"]!.GetValue<string>());
        Assert.Contains(number, answer["text"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("chat", ticket["channel"]!.GetValue<string>());
        Assert.Equal("打印机卡纸，无法打印合同", ticket["title"]!.GetValue<string>());
        Assert.Equal("王小明 (unbound chat sender)", ticket["reporter"]!["name"]!.GetValue<string>());

        // DingTalk retries a message it thinks was lost: same answer, no second ticket.
        var again = await (await DingTalkAsync("打印机卡纸，无法打印合同", "msg-1")).Json(HttpStatusCode.OK);
        Assert.Contains(number, again["text"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await TicketsAsync());
    }

    [Fact]
    public async Task BadlySignedOrStaleDingTalkRequestsAreRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await DingTalkAsync("spoofed", "x-1", secret: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DingTalkAsync("replayed", "x-2", timestamp: NowMs - 2 * 3600_000)).StatusCode);
        Assert.Empty(await TicketsAsync());
    }

    [Fact]
    public async Task AChatMessageNamingATicketNumberIsACommentOnIt()
    {
        var number = await _desk.ReportAsync();
        var answer = await (await DingTalkAsync($"#{number} 重启后还是不行", "msg-c")).Json(HttpStatusCode.OK);

        Assert.Contains($"Added to ticket {number}", answer["text"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await TicketsAsync());
        var history = await (await _desk.Supervisor.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        Assert.Contains(history, h => h!["action"]!.GetValue<string>() == "comment"
                                      && h["note"]!.GetValue<string>() == $"#{number} 重启后还是不行");
    }

    private HttpRequestMessage WeComRequest(string xml, string token)
    {
        const string timestamp = "1779258600";
        const string nonce = "n0nce";
        var encrypted = ChatSignatures.WeComEncrypt(WeComAesKey, xml, "");
        var signature = ChatSignatures.WeCom(token, timestamp, nonce, encrypted);
        return new HttpRequestMessage(HttpMethod.Post, $"/api/intake/chat/wecom?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}")
        {
            Content = new StringContent($"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>", Encoding.UTF8, "application/xml"),
        };
    }

    private const string WeComMessage = """
        <xml><WebhookUrl><![CDATA[https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k]]></WebhookUrl>
        <ChatId><![CDATA[wrkSFfCgAAtMQKg4xqDatM5C9IFsfN4Q]]></ChatId><From><UserId><![CDATA[zhangsan]]></UserId>
        <Name><![CDATA[张三]]></Name></From><MsgType><![CDATA[text]]></MsgType>
        <Text><Content><![CDATA[@支持机器人 会议室投影仪没有信号]]></Content></Text><MsgId><![CDATA[wecom-1]]></MsgId></xml>
        """;

    [Fact]
    public async Task ASignedWeComMessageOpensATicketAndTheEncryptedAnswerCarriesItsNumber()
    {
        var response = await _anonymous.SendAsync(WeComRequest(WeComMessage, WeComToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = XElement.Parse(await response.Content.ReadAsStringAsync());
        var encrypted = envelope.Element("Encrypt")!.Value;
        Assert.Equal(ChatSignatures.WeCom(WeComToken, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypted),
            envelope.Element("MsgSignature")!.Value);
        var reply = XElement.Parse(ChatSignatures.WeComDecrypt(WeComAesKey, encrypted));
        var ticket = Assert.Single(await TicketsAsync())!;
        Assert.Contains(ticket["number"]!.GetValue<string>(), reply.Element("Text")!.Element("Content")!.Value, StringComparison.Ordinal);
        Assert.Equal("张三 (unbound chat sender)", ticket["reporter"]!["name"]!.GetValue<string>());
        Assert.Equal("@支持机器人 会议室投影仪没有信号", ticket["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABadlySignedWeComMessageIsRefusedAndItsUrlCheckAnswered()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.SendAsync(WeComRequest(WeComMessage, "not-the-token"))).StatusCode);
        Assert.Empty(await TicketsAsync());

        var echo = ChatSignatures.WeComEncrypt(WeComAesKey, "echo-1234", "");
        var signature = ChatSignatures.WeCom(WeComToken, "1", "2", echo);
        var check = await _anonymous.GetStringAsync($"/api/intake/chat/wecom?msg_signature={signature}&timestamp=1&nonce=2&echostr={Uri.EscapeDataString(echo)}");
        Assert.Equal("echo-1234", check);
    }

    private HttpRequestMessage FeishuRequest(string body, string? key = FeishuKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/chat/feishu") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Lark-Request-Timestamp", "1779258600");
        request.Headers.Add("X-Lark-Request-Nonce", "abc");
        request.Headers.Add("X-Lark-Signature", ChatSignatures.Feishu("1779258600", "abc", key ?? "", body));
        return request;
    }

    private static string FeishuEvent(string token, string text) => new JsonObject
    {
        ["schema"] = "2.0",
        ["header"] = new JsonObject { ["event_id"] = "ev-1", ["token"] = token, ["event_type"] = "im.message.receive_v1" },
        ["event"] = new JsonObject
        {
            ["sender"] = new JsonObject { ["sender_id"] = new JsonObject { ["open_id"] = "ou_123" }, ["sender_type"] = "user" },
            ["message"] = new JsonObject
            {
                ["message_id"] = "om_1", ["chat_id"] = "oc_1", ["message_type"] = "text",
                ["content"] = new JsonObject { ["text"] = text }.ToJsonString(),
            },
        },
    }.ToJsonString();

    [Fact]
    public async Task ASignedFeishuEventOpensATicketAndItsUrlVerificationIsAnswered()
    {
        var challenge = await (await _anonymous.SendAsync(FeishuRequest(
            new JsonObject { ["challenge"] = "c-42", ["token"] = FeishuToken, ["type"] = "url_verification" }.ToJsonString()))).Json(HttpStatusCode.OK);
        Assert.Equal("c-42", challenge["challenge"]!.GetValue<string>());

        var encrypted = new JsonObject { ["encrypt"] = ChatSignatures.FeishuEncrypt(FeishuKey, FeishuEvent(FeishuToken, "邮箱登录不了")) }.ToJsonString();
        (await _anonymous.SendAsync(FeishuRequest(encrypted))).EnsureSuccessStatusCode();

        var ticket = Assert.Single(await TicketsAsync())!;
        Assert.Equal("邮箱登录不了", ticket["title"]!.GetValue<string>());
        Assert.Equal("chat", ticket["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task FeishuTakesNoAnswerInItsResponseSoTheNumberGoesToTheGroupThroughTheOutboxOnce()
    {
        await using var group = await Notifications.WebhookReceiver.StartAsync();
        await (await _desk.Admin.PutAsJsonAsync("/api/chat-channels/feishu", new { answerUrl = "ftp://nowhere" })).FieldError("answerUrl");
        var channel = await (await _desk.Admin.PutAsJsonAsync("/api/chat-channels/feishu",
            new { answerUrl = group.Url("/open-apis/bot/v2/hook/desk"), answerSecret = "bot-secret" })).Json(HttpStatusCode.OK);
        Assert.True(channel["answerSecretSet"]!.GetValue<bool>());
        Assert.Null(channel["answerSecret"]);

        var encrypted = new JsonObject { ["encrypt"] = ChatSignatures.FeishuEncrypt(FeishuKey, FeishuEvent(FeishuToken, "打印机卡纸")) }.ToJsonString();
        (await _anonymous.SendAsync(FeishuRequest(encrypted))).EnsureSuccessStatusCode();
        (await _anonymous.SendAsync(FeishuRequest(encrypted))).EnsureSuccessStatusCode(); // Feishu retries an unanswered delivery
        var number = Assert.Single(await TicketsAsync())!["number"]!.GetValue<string>();

        await _desk.App.Services.GetRequiredService<SupportFlow.Server.Notifications.OutboxDelivery>().SweepAsync(CancellationToken.None);

        var answer = Assert.Single(group.Received);
        Assert.Equal("/open-apis/bot/v2/hook/desk", answer.Path);
        var payload = JsonNode.Parse(answer.Body)!;
        Assert.Equal("text", payload["msg_type"]!.GetValue<string>());
        Assert.Contains($"已受理，工单号 {number}", payload["content"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(payload["sign"]);
        var delivery = Assert.Single(await (await _desk.Supervisor.GetAsync($"/api/tickets/{number}/deliveries")).JsonArray(),
            d => d!["event"]!.GetValue<string>() == "chatAnswer")!;
        Assert.Equal("sent", delivery["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task FeishuEventsWithAWrongSignatureOrTokenAreRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.SendAsync(FeishuRequest(FeishuEvent(FeishuToken, "x"), key: "wrong-key"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.SendAsync(FeishuRequest(FeishuEvent("wrong-token", "x")))).StatusCode);
        Assert.Empty(await TicketsAsync());
    }

    private HttpRequestMessage GenericRequest(object message, string secret = GenericSecret, long? seconds = null) =>
        SignedGeneric(JsonContent.Create(message).ReadAsStringAsync().Result, secret, seconds);

    private HttpRequestMessage SignedGeneric(string body, string secret = GenericSecret, long? seconds = null)
    {
        var ts = (seconds ?? _desk.App.Clock.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/chat/generic") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-SupportFlow-Timestamp", ts);
        request.Headers.Add("X-SupportFlow-Signature", "sha256=" + ChatSignatures.Generic(secret, ts, body));
        return request;
    }

    [Fact]
    public async Task ASignedGenericMessageFromABoundSenderOpensThatReportersTicket()
    {
        (await _desk.Admin.PostAsJsonAsync("/api/users/alice/chat-identities", new { channel = "generic", senderId = "u-alice" }))
            .EnsureSuccessStatusCode();
        var answer = await (await _anonymous.SendAsync(GenericRequest(new
        {
            id = "g-1", sender = new { id = "u-alice", name = "Alice" }, text = "Cannot reach the VPN\nSince 9:00.",
        }))).Json(HttpStatusCode.OK);

        var ticket = Assert.Single(await TicketsAsync())!;
        Assert.Contains(ticket["number"]!.GetValue<string>(), answer["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Cannot reach the VPN", ticket["title"]!.GetValue<string>());
        Assert.Equal("alice", ticket["reporter"]!["login"]!.GetValue<string>());
        Assert.Equal("P2", ticket["priority"]!.GetValue<string>());
    }

    /// <summary>Issue 20, item 13: a message claiming to be from bob is not bob's, unless an admin bound its sender to him.</summary>
    [Fact]
    public async Task AnUnboundSenderClaimingAnAccountsAddressNeverActsForIt()
    {
        var bobs = await _desk.ReportAsync(_desk.Bob);
        (await _desk.Admin.PutAsJsonAsync("/api/users/bob", new { email = "bob@example.com" })).EnsureSuccessStatusCode();

        var comment = await _anonymous.SendAsync(GenericRequest(new
        {
            id = "g-spoof-1", sender = new { name = "Bob", email = "bob@example.com" }, text = $"#{bobs} 请把工单取消 cancel it",
        }));
        var filed = await _anonymous.SendAsync(GenericRequest(new
        {
            id = "g-spoof-2", sender = new { id = "alice@example.com", name = "Alice 王", email = "alice@example.com" }, text = "新问题 100%?",
        }));

        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var history = await (await _desk.Supervisor.GetAsync($"/api/tickets/{bobs}/history")).JsonArray();
        var spoofed = Assert.Single(history, h => h!["action"]!.GetValue<string>() == "comment")!;
        Assert.Equal("chat:bob@example.com", spoofed["actor"]!["login"]!.GetValue<string>()); // the generic id, never the login bob
        Assert.Equal("Bob (unbound chat sender)", spoofed["actor"]!["name"]!.GetValue<string>());
        var ticket = (await TicketsAsync()).Single(t => t!["title"]!.GetValue<string>() == "新问题 100%?")!;
        Assert.Null(ticket["reporter"]!["login"]);
        Assert.Equal("Alice 王 (unbound chat sender)", ticket["reporter"]!["name"]!.GetValue<string>());
        Assert.Null(ticket["reporter"]!["email"]);
        Assert.Empty((await (await _desk.Alice.GetAsync("/api/tickets")).Json(HttpStatusCode.OK))["items"]!.AsArray());
        var inbound = await (await _desk.Admin.GetAsync("/api/intake/messages")).JsonArray();
        Assert.All(inbound, m => Assert.Contains("(unbound chat sender)", m!["from"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdminBindsListsAndRemovesAUsersChatIdentities()
    {
        var bind = await _desk.Admin.PostAsJsonAsync("/api/users/bob/chat-identities", new { channel = "ding", senderId = "0101" });
        var bound = await bind.Json(HttpStatusCode.Created);
        Assert.Equal("ding", bound["channel"]!.GetValue<string>());
        await (await _desk.Admin.PostAsJsonAsync("/api/users/alice/chat-identities", new { channel = "ding", senderId = "0101" }))
            .Json(HttpStatusCode.Conflict);
        await (await _desk.Admin.PostAsJsonAsync("/api/users/bob/chat-identities", new { channel = "没有 100%?", senderId = "x" }))
            .FieldError("channel");
        await (await _desk.Admin.PostAsJsonAsync("/api/users/bob/chat-identities", new { channel = "ding" })).FieldError("senderId");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _desk.Bob.PostAsJsonAsync("/api/users/bob/chat-identities", new { channel = "wecom", senderId = "zhangsan" })).StatusCode);
        var list = await (await _desk.Admin.GetAsync("/api/users/bob/chat-identities")).JsonArray();
        Assert.Equal("0101", Assert.Single(list)!["senderId"]!.GetValue<string>());

        // Bound: 王小明's DingTalk messages (senderStaffId 0101) are bob's.
        await DingTalkAsync("打印机卡纸", "msg-bound");
        var ticket = Assert.Single(await TicketsAsync())!;
        Assert.Equal("bob", ticket["reporter"]!["login"]!.GetValue<string>());
        Assert.Single((await (await _desk.Bob.GetAsync("/api/tickets")).Json(HttpStatusCode.OK))["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await _desk.Admin.DeleteAsync(bind.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Admin.DeleteAsync(bind.Headers.Location)).StatusCode);
        Assert.Empty(await (await _desk.Admin.GetAsync("/api/users/bob/chat-identities")).JsonArray());
        await DingTalkAsync("又卡纸了", "msg-unbound");
        var again = (await TicketsAsync()).Single(t => t!["title"]!.GetValue<string>() == "又卡纸了")!;
        Assert.Null(again["reporter"]!["login"]);
    }

    [Theory]
    [InlineData("""{"id":"g-9","sender":"alice@example.com","text":"VPN 连不上"}""", "sender")]
    [InlineData("""{"id":"g-9","sender":{"name":42,"email":"alice@example.com"},"text":"VPN 连不上"}""", "sender.name")]
    [InlineData("""{"id":"g-9","sender":{"name":"Alice 王","email":["alice@example.com"]},"text":"VPN 连不上"}""", "sender.email")]
    [InlineData("""{"id":9,"sender":{"name":"Alice 王"},"text":"VPN 连不上"}""", "id")]
    [InlineData("""{"id":"g-9","sender":{"name":"Alice 王"},"text":{"zh":"VPN 连不上"}}""", "text")]
    public async Task ASignedGenericMessageWithAWrongTypedFieldIsA400NamingItAndFilesNothing(string body, string field)
    {
        var problem = await (await _anonymous.SendAsync(SignedGeneric(body))).FieldError(field);
        Assert.Contains(field, problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await TicketsAsync());
    }

    [Fact]
    public async Task BadlySignedOrStaleGenericMessagesAreRefused()
    {
        var message = new { id = "g-2", sender = new { name = "Mallory" }, text = "spoofed" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.SendAsync(GenericRequest(message, secret: "guess"))).StatusCode);
        var stale = _desk.App.Clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.SendAsync(GenericRequest(message, seconds: stale))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.PostAsync("/api/intake/chat/nope", new StringContent("{}"))).StatusCode);
        Assert.Empty(await TicketsAsync());
    }

    [Fact]
    public async Task ChannelSecretsAreNeverReturnedAndEachPlatformNeedsItsOwn()
    {
        var listed = await (await _desk.Admin.GetAsync("/api/chat-channels")).JsonArray();
        Assert.Equal(4, listed.Count);
        Assert.DoesNotContain(DingTalkSecret, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.True(listed.Single(c => c!["name"]!.GetValue<string>() == "ding")!["secretSet"]!.GetValue<bool>());

        await (await _desk.Admin.PostAsJsonAsync("/api/chat-channels", new { name = "w2", platform = "weCom", token = "t", aesKey = "short", module = Desk.SalesModule }))
            .FieldError("aesKey");
        await (await _desk.Admin.PostAsJsonAsync("/api/chat-channels", new { name = "d2", platform = "dingTalk", module = Desk.SalesModule }))
            .FieldError("secret");
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Supervisor.GetAsync("/api/chat-channels")).StatusCode);
    }
}
