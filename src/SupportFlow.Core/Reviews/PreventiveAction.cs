using SupportFlow.Localization;
using SupportFlow.Common;
using SupportFlow.Users;

namespace SupportFlow.Reviews;

/// <summary>
/// Something a review decided must change so the problem does not come back, with an owner and a
/// due date. Overdue from the end of its due date (in the organisation's zone) while still open.
/// </summary>
public sealed class PreventiveAction
{
    private PreventiveAction()
    {
    }

    internal PreventiveAction(string description, User owner, DateOnly dueDate, DateTimeOffset dueAt, DateTimeOffset createdAt)
    {
        Description = description;
        Owner = owner;
        OwnerId = owner.Id;
        DueDate = dueDate;
        DueAt = dueAt;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int ReviewId { get; private set; }

    public string Description { get; private set; } = "";

    public int OwnerId { get; private set; }

    public User Owner { get; private set; } = null!;

    /// <summary>The day it is due, as the people agreed it.</summary>
    public DateOnly DueDate { get; private set; }

    /// <summary>The end of <see cref="DueDate"/> in the organisation's zone: overdue from then on.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public ActionStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was done or accepted, by whom and with what note.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public string? ClosingNote { get; private set; }

    /// <summary>The instant <paramref name="dueDate"/> ends in <paramref name="zone"/>: midnight after it, local time.</summary>
    public static DateTimeOffset EndOfDay(DateOnly dueDate, TimeZoneInfo zone) =>
        Sla.ZoneTime.FirstInstantAt(zone, dueDate.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public bool IsOverdue(DateTimeOffset now) => Status == ActionStatus.Open && now >= DueAt;

    /// <summary>The owner (or a supervisor) reports it done.</summary>
    internal void Complete(Actor actor, DateTimeOffset at, string? note)
    {
        if (actor.UserId != OwnerId && !actor.IsSupervisor)
        {
            throw new ForbiddenException("Only the action's owner or a supervisor may mark it done.");
        }

        Finish(ActionStatus.Done, actor, at, note);
    }

    /// <summary>A supervisor accepts it as it stands (the risk is taken, or it is no longer needed): needs a reason.</summary>
    internal void Accept(Actor actor, DateTimeOffset at, string note)
    {
        if (!actor.IsSupervisor)
        {
            throw new ForbiddenException("Only a supervisor may accept an action without it being done.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Accepting an action needs a reason.");
        }

        Finish(ActionStatus.Accepted, actor, at, note);
    }

    private void Finish(ActionStatus status, Actor actor, DateTimeOffset at, string? note)
    {
        if (Status != ActionStatus.Open)
        {
            throw new DomainException("Action {0} is already {1}.", Id, LocalizedMessage.Wire(Status));
        }

        Status = status;
        ClosedAt = at;
        ClosedBy = actor.Login;
        ClosingNote = note;
    }
}
