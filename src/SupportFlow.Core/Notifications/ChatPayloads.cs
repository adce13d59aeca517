using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportFlow.Routing;

namespace SupportFlow.Notifications;

/// <summary>One chat-group message, ready to POST: where, the JSON body, and extra headers.</summary>
public sealed record ChatRequest(Uri Url, string Json, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Each platform's published incoming-webhook format, and its signing where it has one:
/// <list type="bullet">
/// <item>WeCom (企业微信): <c>{"msgtype":"markdown","markdown":{"content":...}}</c>; the key is in the URL.</item>
/// <item>DingTalk (钉钉): markdown msgtype; with a secret, <c>timestamp</c> (ms) and <c>sign</c> =
/// Base64(HMAC-SHA256(secret, "timestamp\nsecret")) are added to the query, URL-encoded.</item>
/// <item>Feishu / Lark (飞书): text msg_type; with a secret, <c>timestamp</c> (s) and <c>sign</c> =
/// Base64(HMAC-SHA256 keyed with "timestamp\nsecret" over nothing) go in the body.</item>
/// <item>Slack: incoming webhook <c>{"text":...,"blocks":[mrkdwn section]}</c>.</item>
/// <item>Microsoft Teams: a Workflows webhook message carrying an Adaptive Card.</item>
/// <item>Generic: SupportFlow's own JSON, signed like GitHub's webhooks: header
/// <c>X-SupportFlow-Signature-256: sha256=hex(HMAC-SHA256(secret, body))</c>.</item>
/// </list>
/// </summary>
public static class ChatPayloads
{
    public const string SignatureHeader = "X-SupportFlow-Signature-256";
    public const string MessageIdHeader = "X-SupportFlow-Message-Id";
    public const string EventHeader = "X-SupportFlow-Event";

    public static ChatRequest Build(ChatGroup group, ChatMessage message, DateTimeOffset now)
    {
        var url = new Uri(group.Url);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { [MessageIdHeader] = message.MessageId };
        JsonObject body;
        switch (group.Kind)
        {
            case ChatKind.Wecom:
                body = new JsonObject
                {
                    ["msgtype"] = "markdown",
                    ["markdown"] = new JsonObject { ["content"] = $"**{message.Subject}**\n{message.Body}" },
                };
                break;
            case ChatKind.Dingtalk:
                body = new JsonObject
                {
                    ["msgtype"] = "markdown",
                    ["markdown"] = new JsonObject { ["title"] = message.Subject, ["text"] = $"### {message.Subject}\n\n{message.Body}" },
                };
                if (!string.IsNullOrEmpty(group.Secret))
                {
                    var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                    var sign = Uri.EscapeDataString(DingtalkSign(timestamp, group.Secret));
                    url = new Uri($"{group.Url}{(group.Url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}timestamp={timestamp}&sign={sign}");
                }

                break;
            case ChatKind.Feishu:
                body = new JsonObject();
                if (!string.IsNullOrEmpty(group.Secret))
                {
                    var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    body["timestamp"] = timestamp;
                    body["sign"] = FeishuSign(timestamp, group.Secret);
                }

                body["msg_type"] = "text";
                body["content"] = new JsonObject { ["text"] = $"{message.Subject}\n{message.Body}" };
                break;
            case ChatKind.Slack:
                body = new JsonObject
                {
                    ["text"] = $"{message.Subject}\n{message.Body}",
                    ["blocks"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "section",
                        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{message.Subject}*\n{message.Body}" },
                    }),
                };
                break;
            case ChatKind.Teams:
                body = new JsonObject
                {
                    ["type"] = "message",
                    ["attachments"] = new JsonArray(new JsonObject
                    {
                        ["contentType"] = "application/vnd.microsoft.card.adaptive",
                        ["contentUrl"] = null,
                        ["content"] = new JsonObject
                        {
                            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                            ["type"] = "AdaptiveCard",
                            ["version"] = "1.4",
                            ["body"] = new JsonArray(
                                new JsonObject { ["type"] = "TextBlock", ["text"] = message.Subject, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                                new JsonObject { ["type"] = "TextBlock", ["text"] = message.Body, ["wrap"] = true }),
                        },
                    }),
                };
                break;
            case ChatKind.Generic:
                body = new JsonObject
                {
                    ["messageId"] = message.MessageId,
                    ["event"] = message.Event,
                    ["ticket"] = message.TicketNumber,
                    ["subject"] = message.Subject,
                    ["text"] = message.Body,
                    ["sentAt"] = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                };
                headers[EventHeader] = message.Event;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(group), group.Kind, "Unknown chat kind.");
        }

        var json = body.ToJsonString(JsonOptions);
        if (group.Kind == ChatKind.Generic && !string.IsNullOrEmpty(group.Secret))
        {
            headers[SignatureHeader] = GenericSignature(json, group.Secret);
        }

        return new ChatRequest(url, json, headers);
    }

    public static string DingtalkSign(string timestamp, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));

    public static string FeishuSign(string timestamp, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestamp}\n{secret}"), Array.Empty<byte>()));

    public static string GenericSignature(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>
    /// WeCom and DingTalk answer HTTP 200 with <c>errcode</c> != 0, Feishu with <c>code</c> != 0 when they
    /// refuse a message (bad signature, bad format): that is a failure too. Null means accepted.
    /// </summary>
    public static string? RefusalIn(ChatKind kind, string responseBody)
    {
        if (kind is not (ChatKind.Wecom or ChatKind.Dingtalk or ChatKind.Feishu) || string.IsNullOrWhiteSpace(responseBody))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(responseBody) as JsonObject;
            var code = node?["errcode"] ?? node?["code"] ?? node?["StatusCode"];
            return code is JsonValue value && value.TryGetValue<long>(out var number) && number != 0
                ? $"refused with code {number}: {(node?["errmsg"] ?? node?["msg"])?.ToString()}"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>What a chat message says, independent of the platform.</summary>
public sealed record ChatMessage(string MessageId, string Event, string? TicketNumber, string Subject, string Body);
