namespace SupportFlow.Reviews;

/// <summary>
/// A reminder owed to an action's owner, recorded once (unique per action, kind and due time).
/// The notification outbox delivers the rows whose <see cref="DeliveredAt"/> is empty; until it
/// exists they are the owner's to-do list (<c>GET /api/reviews/reminders</c>).
/// </summary>
public sealed class ReviewReminder
{
    private ReviewReminder()
    {
    }

    public ReviewReminder(PreventiveAction action, ReminderKind kind, string message, DateTimeOffset createdAt)
    {
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

    /// <summary>Set by whoever delivers it (the notification outbox).</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
}
