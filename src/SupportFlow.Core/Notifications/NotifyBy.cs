namespace SupportFlow.Notifications;

/// <summary>
/// A user's choice of channel. Chat means the chat group of the ticket's team; where that team
/// has no chat group, e-mail is used instead (and e-mail falls back to chat the same way).
/// </summary>
public enum NotifyBy
{
    Email,
    Chat,
    Both,
}

/// <summary>The channel of one outbox message.</summary>
public enum NotificationChannel
{
    Email,
    Chat,
}

/// <summary>An outbox message waits (pending), was accepted by the receiver (sent), or gave up after the last retry (failed).</summary>
public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}
