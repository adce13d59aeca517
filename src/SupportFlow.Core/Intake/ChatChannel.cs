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
