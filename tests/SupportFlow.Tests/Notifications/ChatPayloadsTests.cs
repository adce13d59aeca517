using System.Text.Json.Nodes;
using SupportFlow.Notifications;
using SupportFlow.Routing;

namespace SupportFlow.Tests.Notifications;

/// <summary>Expected signatures were computed independently (Python's hmac module) from each platform's documented recipe.</summary>
public sealed class ChatPayloadsTests
{
    private static readonly ChatMessage Message = new("m1@supportflow", "newTicket", "20260520-001", "[#20260520-001] New ticket", "Body text");

    [Fact]
    public void DingtalkSignIsBase64HmacOfTimestampNewlineSecretKeyedWithTheSecret()
    {
        Assert.Equal("xyAXnOeEx8mcnUUlZoyxvRe/La8u0eqZaWsTXunfdkQ=", ChatPayloads.DingtalkSign("1700000000000", "SEC000example"));
    }

    [Fact]
    public void FeishuSignIsBase64HmacKeyedWithTimestampNewlineSecretOverNothing()
    {
        Assert.Equal("OGl+fhrIPe4RmLlF1qBjjfXJQqEJxZ80bMC8hc460wY=", ChatPayloads.FeishuSign("1700000000", "SEC000example"));
    }

    [Fact]
    public void GenericSignatureIsHexHmacOfTheBodyLikeGithubs()
    {
        Assert.Equal("sha256=25356a87463a4b8f8cc3d46102f9e21794a511ab94e337c1faf307f1d9a5677c",
            ChatPayloads.GenericSignature("""{"a":1}""", "generic-secret"));
    }

    [Fact]
    public void DingtalkPutsTimestampAndUrlEncodedSignIntoTheQuery()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1700000000000);
        var request = ChatPayloads.Build(new ChatGroup(ChatKind.Dingtalk, "https://oapi.dingtalk.com/robot/send?access_token=abc", "SEC000example"),
            Message, now);

        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=xyAXnOeEx8mcnUUlZoyxvRe%2FLa8u0eqZaWsTXunfdkQ%3D",
            request.Url.AbsoluteUri);
        Assert.Equal("markdown", JsonNode.Parse(request.Json)!["msgtype"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"errcode":0,"errmsg":"ok"}""", ChatKind.Wecom, null)]
    [InlineData("""{"errcode":310000,"errmsg":"sign not match"}""", ChatKind.Dingtalk, "refused with code 310000: sign not match")]
    [InlineData("""{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}""", ChatKind.Feishu, "refused with code 19021: sign match fail or timestamp is not within one hour from current time")]
    [InlineData("""{"code":0,"msg":"success"}""", ChatKind.Feishu, null)]
    [InlineData("ok", ChatKind.Slack, null)]
    public void AnHttp200ThatRefusesTheMessageIsAFailure(string body, ChatKind kind, string? refusal)
    {
        Assert.Equal(refusal, ChatPayloads.RefusalIn(kind, body));
    }
}
