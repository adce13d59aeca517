using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Notifications;
using SupportFlow.Reviews;

namespace SupportFlow.Server.Reviews;

/// <summary>
/// Records a reminder owed to an action's owner together with its e-mail in the outbox (same
/// DbContext, so the same transaction): the reminder's unique key (action, kind, due time) makes
/// a second node's or a restarted job's copy fail as a whole, so each reminder is mailed once.
/// </summary>
public static class ReminderNotices
{
    /// <summary>Adds (does not save) the reminder and its e-mail; <paramref name="action"/>'s owner must be loaded.</summary>
    public static void Add(SupportFlowDbContext db, PreventiveAction action, int reviewId, string reviewTitle, ReminderKind kind,
        DateTimeOffset now, NotificationOptions settings)
    {
        var owner = action.Owner;
        OutboxMessage? mail = null;
        if (owner.Email is { } address)
        {
            var language = Languages.Normalize(owner.Language) ?? Languages.Normalize(settings.DefaultLanguage) ?? Languages.Chinese;
            var link = $"{settings.PublicUrl.TrimEnd('/')}/reviews/{reviewId}";
            var text = ReminderTexts.For(kind, language, action, reviewId, reviewTitle, link);
            mail = new OutboxMessage(null, ReminderTexts.Event(kind), NotificationChannel.Email, address, owner.Name, language,
                text.Subject, text.Body, now);
            db.Outbox.Add(mail);
        }

        db.ReviewReminders.Add(new ReviewReminder(action, kind, ActionReminders.Message(action, reviewId, kind), now, mail));
    }
}
