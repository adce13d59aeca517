using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using SupportFlow.Common;
using SupportFlow.Intake;

namespace SupportFlow.Server.Intake.Chat;

/// <summary>
/// Reads each platform's outgoing-bot webhook after verifying it: DingTalk (timestamp + HMAC
/// sign headers), WeCom (msg_signature over the AES-encrypted XML), Feishu / Lark (verification
/// token and X-Lark-Signature, encrypted events), and a generic signed JSON.
/// </summary>
public static class ChatFormats
{
    private static readonly TimeSpan DingTalkWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan GenericWindow = TimeSpan.FromMinutes(5);

    public static ChatRequest Read(ChatChannel channel, HttpRequest request, string body, DateTimeOffset now) => channel.Platform switch
    {
        ChatPlatform.DingTalk => DingTalk(channel, request, body, now),
        ChatPlatform.WeCom => WeCom(channel, request, body),
        ChatPlatform.Feishu => Feishu(channel, request, body),
        ChatPlatform.Generic => Generic(channel, request, body, now),
    };

    /// <summary>WeCom checks the URL with a GET carrying an encrypted echostr, answered decrypted.</summary>
    public static string WeComEcho(ChatChannel channel, HttpRequest request)
    {
        var echo = request.Query["echostr"].ToString();
        VerifyWeCom(channel, request, echo);
        return ChatSignatures.WeComDecrypt(channel.AesKey!, echo);
    }

    private static ChatRequest DingTalk(ChatChannel channel, HttpRequest request, string body, DateTimeOffset now)
    {
        var timestamp = request.Headers["timestamp"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || (now - DateTimeOffset.FromUnixTimeMilliseconds(ms)).Duration() > DingTalkWindow)
        {
            throw new ChatSignatureException("The DingTalk timestamp header is missing or more than an hour away.");
        }

        if (!ChatSignatures.Same(request.Headers["sign"].ToString(), ChatSignatures.DingTalk(channel.Secret!, timestamp)))
        {
            throw new ChatSignatureException("The DingTalk sign header does not match the robot's AppSecret.");
        }

        var json = Parse(body);
        static IResult Answer(string text) => Results.Json(new { msgtype = "text", text = new { content = text } });
        if (Str(json, "msgtype") != "text")
        {
            return new ChatRequest.Nothing(Answer("目前只能受理文字消息。Only text messages can be taken in."));
        }

        var message = new ChatMessage(Str(json, "msgId") ?? Guid.NewGuid().ToString("N"), Str(json, "senderStaffId") ?? Str(json, "senderId"),
            Str(json, "senderNick") ?? "DingTalk user", json["text"]?["content"]?.GetValue<string>()?.Trim() ?? "");
        return new ChatRequest.Message(message, Answer);
    }

    private static ChatRequest WeCom(ChatChannel channel, HttpRequest request, string body)
    {
        var encrypted = Xml(body).Element("Encrypt")?.Value ?? throw new ChatSignatureException("No Encrypt element.");
        VerifyWeCom(channel, request, encrypted);
        var xml = Xml(ChatSignatures.WeComDecrypt(channel.AesKey!, encrypted));
        IResult Answer(string text)
        {
            var reply = new XElement("xml", new XElement("MsgType", "text"), new XElement("Text", new XElement("Content", text)));
            var timestamp = request.Query["timestamp"].ToString();
            var nonce = request.Query["nonce"].ToString();
            var sealedReply = ChatSignatures.WeComEncrypt(channel.AesKey!, reply.ToString(SaveOptions.DisableFormatting), "");
            var envelope = new XElement("xml",
                new XElement("Encrypt", sealedReply),
                new XElement("MsgSignature", ChatSignatures.WeCom(channel.Token!, timestamp, nonce, sealedReply)),
                new XElement("TimeStamp", timestamp),
                new XElement("Nonce", nonce));
            return Results.Text(envelope.ToString(SaveOptions.DisableFormatting), "application/xml");
        }

        if (xml.Element("MsgType")?.Value != "text")
        {
            return new ChatRequest.Nothing(Answer("目前只能受理文字消息。Only text messages can be taken in."));
        }

        var from = xml.Element("From");
        var message = new ChatMessage(xml.Element("MsgId")?.Value ?? Guid.NewGuid().ToString("N"), from?.Element("UserId")?.Value,
            from?.Element("Name")?.Value ?? from?.Element("UserId")?.Value ?? "WeCom user",
            xml.Element("Text")?.Element("Content")?.Value.Trim() ?? "");
        return new ChatRequest.Message(message, Answer);
    }

    private static ChatRequest Feishu(ChatChannel channel, HttpRequest request, string body)
    {
        var json = Parse(body);
        var signature = request.Headers["X-Lark-Signature"].ToString();
        if (!string.IsNullOrEmpty(channel.Secret))
        {
            // Event deliveries are signed; an unsigned request must at least be encrypted with the key.
            var expected = ChatSignatures.Feishu(request.Headers["X-Lark-Request-Timestamp"].ToString(),
                request.Headers["X-Lark-Request-Nonce"].ToString(), channel.Secret, body);
            if (signature.Length > 0 ? !ChatSignatures.Same(signature, expected) : Str(json, "encrypt") is null)
            {
                throw new ChatSignatureException("X-Lark-Signature does not match the channel's Encrypt Key.");
            }
        }

        if (Str(json, "encrypt") is { } encrypted)
        {
            try
            {
                json = Parse(ChatSignatures.FeishuDecrypt(channel.Secret ?? "", encrypted));
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                throw new ChatSignatureException("The event cannot be decrypted with the channel's Encrypt Key.");
            }
        }

        var token = json["header"]?["token"]?.GetValue<string>() ?? Str(json, "token");
        if (!string.IsNullOrEmpty(channel.Token) && !ChatSignatures.Same(token, channel.Token))
        {
            throw new ChatSignatureException("The Feishu verification token does not match the channel's.");
        }

        if (Str(json, "type") == "url_verification")
        {
            return new ChatRequest.Handshake(Results.Json(new { challenge = Str(json, "challenge") }));
        }

        var message = json["event"]?["message"];
        if (json["header"]?["event_type"]?.GetValue<string>() != "im.message.receive_v1" || message is null
            || message["message_type"]?.GetValue<string>() != "text")
        {
            return new ChatRequest.Nothing(Results.Json(new { }));
        }

        var text = Parse(message["content"]?.GetValue<string>() ?? "{}")["text"]?.GetValue<string>() ?? "";
        var sender = json["event"]?["sender"]?["sender_id"]?["open_id"]?.GetValue<string>();
        // Feishu takes no answer in the HTTP response: the ticket number goes back in the JSON for the log,
        // and to the chat through the notification outbox.
        return new ChatRequest.Message(
            new ChatMessage(message["message_id"]?.GetValue<string>() ?? Guid.NewGuid().ToString("N"), sender,
                $"Feishu user {sender ?? "unknown"}", text.Trim()),
            answer => Results.Json(new { }));
    }

    private static ChatRequest.Message Generic(ChatChannel channel, HttpRequest request, string body, DateTimeOffset now)
    {
        var timestamp = request.Headers["X-SupportFlow-Timestamp"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > GenericWindow)
        {
            throw new ChatSignatureException("X-SupportFlow-Timestamp is missing or more than 5 minutes away.");
        }

        if (!ChatSignatures.Same(request.Headers["X-SupportFlow-Signature"].ToString(),
                "sha256=" + ChatSignatures.Generic(channel.Secret!, timestamp, body)))
        {
            throw new ChatSignatureException("X-SupportFlow-Signature does not match the channel's secret.");
        }

        // Signed, so it comes from the channel's own bot: a malformed body is the integrator's mistake, told field by field.
        var json = Parse(body);
        var errors = new RequestErrors();
        var id = Field(json, "id", "id", errors);
        var sender = json["sender"];
        if (sender is not (null or JsonObject))
        {
            errors.Add("sender", "{0} must be a JSON object, e.g. {1}.", "sender", """{"id": "u-1001", "name": "王芳"}""");
        }

        var from = sender as JsonObject;
        var senderId = from is null ? null : Field(from, "id", "sender.id", errors);
        var name = from is null ? null : Field(from, "name", "sender.name", errors);
        var email = from is null ? null : Field(from, "email", "sender.email", errors);
        var text = Field(json, "text", "text", errors);
        errors.ThrowIfInvalid();
        // The integration names the person by its own id, else by address: either is only an id to bind, never proof of an account.
        var message = new ChatMessage(id ?? Guid.NewGuid().ToString("N"), senderId ?? email, name ?? email ?? "Chat user", text?.Trim() ?? "");
        return new ChatRequest.Message(message, answer => Results.Json(new { reply = answer }));
    }

    /// <summary>An optional string member; any other JSON type is refused for <paramref name="field"/>.</summary>
    private static string? Field(JsonObject json, string name, string field, RequestErrors errors)
    {
        switch (json[name])
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue<string>(out var text):
                return text;
            default:
                errors.Add(field, "{0} must be a JSON string.", field);
                return null;
        }
    }

    private static void VerifyWeCom(ChatChannel channel, HttpRequest request, string encrypted)
    {
        var expected = ChatSignatures.WeCom(channel.Token!, request.Query["timestamp"].ToString(), request.Query["nonce"].ToString(),
            encrypted);
        if (!ChatSignatures.Same(request.Query["msg_signature"].ToString(), expected))
        {
            throw new ChatSignatureException("msg_signature does not match the channel's Token.");
        }
    }

    private static JsonObject Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new ChatSignatureException("The body is not a JSON object.");
        }
        catch (JsonException)
        {
            throw new ChatSignatureException("The body is not JSON.");
        }
    }

    private static XElement Xml(string text)
    {
        try
        {
            return XElement.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            throw new ChatSignatureException("The body is not XML.");
        }
    }

    private static string? Str(JsonObject json, string name) => json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
