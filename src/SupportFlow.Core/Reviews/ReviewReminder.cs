using SupportFlow.Notifications;

namespace SupportFlow.Reviews;

/// <summary>
/// A reminder owed to an action's owner, recorded once (unique per action, kind and due time).
/// Its e-mail to the owner is an outbox row written in the same transaction, so the unique index
/// that keeps the reminder once keeps the e-mail once too (<c>GET /api/reviews/reminders</c>).
/// </summary>
public sealed class ReviewReminder
{
    private ReviewReminder()
    {
    }

    public ReviewReminder(PreventiveAction action, ReminderKind kind, string message, DateTimeOffset createdAt, OutboxMessage? mail)
    {
        Mail = mail;
        Action = action;
        OwnerId = action.OwnerId;
        Kind = kind;
        DueAt = action.DueAt;
        Message = message;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int ActionId { get; private set; }

    public PreventiveAction Action { get; private set; } = null!;

    public int OwnerId { get; private set; }

    public ReminderKind Kind { get; private set; }

    /// <summary>The action's due time the reminder was about: a new due date earns new reminders.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public string Message { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The e-mail to the owner; null when the owner has no e-mail address.</summary>
    public long? MailId { get; private set; }

    public OutboxMessage? Mail { get; private set; }
}
