using SupportFlow.Routing;
using SupportFlow.Tickets;

namespace SupportFlow.Intake;

/// <summary>
/// A chat group bot whose messages reach the desk at <c>POST /api/intake/chat/{name}</c>: each
/// message opens a ticket (or comments on the <c>#number</c> it names) and the bot answers
/// with the ticket number. Secrets are only ever written, never shown.
/// </summary>
public sealed class ChatChannel
{
    private ChatChannel()
    {
    }

    public ChatChannel(string name, ChatPlatform platform, Module module)
    {
        Name = name;
        Platform = platform;
        Module = module;
    }

    public int Id { get; private set; }

    public string Name { get; set; } = "";

    public ChatPlatform Platform { get; set; }

    /// <summary>WeCom: the callback Token; Feishu: the Verification Token. Unused by DingTalk and generic.</summary>
    public string? Token { get; set; }

    /// <summary>DingTalk: the robot's AppSecret; Feishu: the Encrypt Key; generic: the HMAC secret.</summary>
    public string? Secret { get; set; }

    /// <summary>WeCom: the EncodingAESKey (43 characters).</summary>
    public string? AesKey { get; set; }

    /// <summary>
    /// Where the bot's answer goes when the platform takes none in the webhook's response
    /// (Feishu / Lark): an incoming webhook of the same group (its custom bot), posted to through
    /// the outbox, so the answer is retried and never lost. Null: no answer on such platforms.
    /// </summary>
    public string? AnswerUrl { get; set; }

    /// <summary>The signing secret of <see cref="AnswerUrl"/>'s bot, if it signs.</summary>
    public string? AnswerSecret { get; set; }

    /// <summary>DingTalk, WeCom and the generic format take the answer in the HTTP response; Feishu does not.</summary>
    public bool AnswersInResponse => Platform != ChatPlatform.Feishu;

    /// <summary>The group the outbox posts answers to, in the platform's incoming-webhook format.</summary>
    public Routing.ChatGroup? AnswerGroup => AnswerUrl is null
        ? null
        : new Routing.ChatGroup(Platform switch
        {
            ChatPlatform.WeCom => Routing.ChatKind.Wecom,
            ChatPlatform.DingTalk => Routing.ChatKind.Dingtalk,
            ChatPlatform.Feishu => Routing.ChatKind.Feishu,
            ChatPlatform.Generic => Routing.ChatKind.Generic,
        }, AnswerUrl, AnswerSecret);

    public int ModuleId { get; private set; }

    public Module Module { get; set; } = null!;

    public Priority Priority { get; set; } = Priority.P3;

    public bool Enabled { get; set; } = true;
}

/// <summary>The outgoing-bot formats understood: each platform's own, and a generic signed JSON.</summary>
public enum ChatPlatform
{
    WeCom,
    DingTalk,
    Feishu,
    Generic,
}
