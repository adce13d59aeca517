using SupportFlow.Users;

namespace SupportFlow.Intake;

/// <summary>
/// Who a chat sender is in SupportFlow: the platform's own id of the person (DingTalk staff id,
/// WeCom UserId, Feishu open_id, the generic format's sender id) on one chat channel, bound to a
/// user by an admin. A chat message acts for a user only through such a binding; what a message
/// says about its sender (a name, an e-mail address) is never taken as who they are.
/// </summary>
public sealed class ChatIdentity
{
    private ChatIdentity()
    {
    }

    public ChatIdentity(ChatChannel channel, string senderId, User user, DateTimeOffset boundAt)
    {
        Channel = channel;
        SenderId = senderId;
        User = user;
        BoundAt = boundAt;
    }

    public int Id { get; private set; }

    public int ChatChannelId { get; private set; }

    public ChatChannel Channel { get; private set; } = null!;

    public string SenderId { get; private set; } = "";

    public int UserId { get; private set; }

    public User User { get; private set; } = null!;

    public DateTimeOffset BoundAt { get; private set; }
}
