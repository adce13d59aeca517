using System.Globalization;
using SupportFlow.Common;
using SupportFlow.Localization;
using SupportFlow.Notifications;

namespace SupportFlow.Reviews;

/// <summary>The e-mail an action's owner gets for each reminder, in their language, from the text catalogue.</summary>
public static class ReminderTexts
{
    /// <summary>The outbox event name of a reminder: actionAssigned, actionDueSoon, actionOverdue.</summary>
    public static string Event(ReminderKind kind) => "action" + kind;

    public static TemplateText For(ReminderKind kind, string language, PreventiveAction action, int reviewId, string reviewTitle,
        string link)
    {
        var culture = Languages.Culture(language);
        var due = action.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var key = "Reminder:" + WireNames.Of(kind);
        return new(Texts.Format(culture, key + ":subject", [reviewId, due]),
            Texts.Format(culture, key + ":body", [action.Owner.Name, reviewTitle, due, action.Description, link]));
    }
}
