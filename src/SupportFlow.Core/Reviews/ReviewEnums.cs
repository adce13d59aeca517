namespace SupportFlow.Reviews;

/// <summary>Why a review was opened: a serious incident closed, a recurring problem, or a supervisor's request.</summary>
public enum ReviewTrigger
{
    SeriousIncident,
    RecurringProblem,
    Requested,
}

/// <summary>A review is done when its root cause is recorded and every preventive action is done or accepted.</summary>
public enum ReviewStatus
{
    Open,
    Done,
}

/// <summary>A preventive action is open until its owner finishes it or a supervisor accepts it as it stands.</summary>
public enum ActionStatus
{
    Open,
    Done,
    Accepted,
}

/// <summary>What a reminder to an action's owner says: assigned to you, due tomorrow, overdue.</summary>
public enum ReminderKind
{
    Assigned,
    DueSoon,
    Overdue,
}
