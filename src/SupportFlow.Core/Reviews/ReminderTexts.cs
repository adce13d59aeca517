using SupportFlow.Notifications;

namespace SupportFlow.Reviews;

/// <summary>The e-mail an action's owner gets for each reminder, in their language (zh-CN or English).</summary>
public static class ReminderTexts
{
    /// <summary>The outbox event name of a reminder: actionAssigned, actionDueSoon, actionOverdue.</summary>
    public static string Event(ReminderKind kind) => "action" + kind;

    public static TemplateText For(ReminderKind kind, string language, PreventiveAction action, int reviewId, string reviewTitle,
        string link)
    {
        var due = action.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var name = action.Owner.Name;
        if (language == Languages.Chinese)
        {
            return kind switch
            {
                ReminderKind.Assigned => new($"[复盘 #{reviewId}] 预防措施已指派给您,{due} 到期",
                    $"{name}:\n\n复盘“{reviewTitle}”指派给您一项预防措施,截止日期 {due}:\n\n{action.Description}\n\n{link}"),
                ReminderKind.DueSoon => new($"[复盘 #{reviewId}] 预防措施明天到期({due})",
                    $"{name}:\n\n复盘“{reviewTitle}”中您负责的预防措施将于 {due} 到期:\n\n{action.Description}\n\n完成后请在此标记:{link}"),
                ReminderKind.Overdue => new($"[复盘 #{reviewId}] 预防措施已逾期(截止 {due})",
                    $"{name}:\n\n复盘“{reviewTitle}”中您负责的预防措施已超过截止日期 {due}:\n\n{action.Description}\n\n请尽快完成或与主管沟通:{link}"),
            };
        }

        return kind switch
        {
            ReminderKind.Assigned => new($"[Review #{reviewId}] Preventive action assigned to you, due {due}",
                $"{name},\n\nthe review \"{reviewTitle}\" assigned you a preventive action, due {due}:\n\n{action.Description}\n\n{link}"),
            ReminderKind.DueSoon => new($"[Review #{reviewId}] Preventive action due tomorrow ({due})",
                $"{name},\n\nyour preventive action from the review \"{reviewTitle}\" is due {due}:\n\n{action.Description}\n\nMark it done at {link}"),
            ReminderKind.Overdue => new($"[Review #{reviewId}] Preventive action overdue (due {due})",
                $"{name},\n\nyour preventive action from the review \"{reviewTitle}\" was due {due} and is still open:\n\n{action.Description}\n\nPlease finish it or talk to your supervisor: {link}"),
        };
    }
}
