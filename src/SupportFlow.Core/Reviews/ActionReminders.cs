namespace SupportFlow.Reviews;

/// <summary>
/// Which reminders an open action's owner is owed at a time: told when it is assigned, a day
/// before it is due, and once it is overdue. Each is owed once per due time; the caller says
/// which were already recorded.
/// </summary>
public static class ActionReminders
{
    public static readonly TimeSpan DueSoonLead = TimeSpan.FromDays(1);

    public static IEnumerable<ReminderKind> Owed(PreventiveAction action, DateTimeOffset now, IReadOnlyCollection<ReminderKind> recorded)
    {
        if (action.Status != ActionStatus.Open)
        {
            yield break;
        }

        if (!recorded.Contains(ReminderKind.Assigned))
        {
            yield return ReminderKind.Assigned;
        }

        if (action.IsOverdue(now))
        {
            if (!recorded.Contains(ReminderKind.Overdue))
            {
                yield return ReminderKind.Overdue;
            }
        }
        else if (now >= action.DueAt - DueSoonLead && !recorded.Contains(ReminderKind.DueSoon))
        {
            yield return ReminderKind.DueSoon;
        }
    }

    public static string Message(PreventiveAction action, int reviewId, ReminderKind kind) => kind switch
    {
        ReminderKind.Assigned => $"Review {reviewId}: preventive action assigned to you, due {action.DueDate:yyyy-MM-dd}: {action.Description}",
        ReminderKind.DueSoon => $"Review {reviewId}: preventive action due {action.DueDate:yyyy-MM-dd}: {action.Description}",
        ReminderKind.Overdue => $"Review {reviewId}: preventive action overdue since {action.DueDate:yyyy-MM-dd}: {action.Description}",
    };
}
