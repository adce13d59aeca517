using SupportFlow.Common;
using SupportFlow.Reviews;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Reviews;

public sealed record CauseCategoryResponse(string Key, string NameEn, string NameZh, bool Active)
{
    public static CauseCategoryResponse From(CauseCategory c) => new(c.Key, c.NameEn, c.NameZh, c.IsActive);
}

public sealed record PersonResponse(string Login, string Name);

public sealed record ReviewTicketResponse(string Number, string Title, Priority Priority, TicketStatus Status, string Module);

public sealed record ReviewMeetingResponse(DateTimeOffset At, string[] Participants);

public sealed record PreventiveActionResponse(int Id, int ReviewId, string Description, PersonResponse Owner, DateOnly DueDate,
    DateTimeOffset DueAt, ActionStatus Status, bool Overdue, DateTimeOffset? ClosedAt, string? ClosedBy, string? Note)
{
    public static PreventiveActionResponse From(PreventiveAction a, OrganizationTime org, DateTimeOffset now) =>
        new(a.Id, a.ReviewId, a.Description, new PersonResponse(a.Owner.Login, a.Owner.Name), a.DueDate, org.Local(a.DueAt),
            a.Status, a.IsOverdue(now), org.Local(a.ClosedAt), a.ClosedBy, a.ClosingNote);
}

public sealed record ReviewResponse(
    int Id,
    string Title,
    ReviewTrigger Trigger,
    string? Reason,
    ReviewStatus Status,
    string? Module,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    ReviewMeetingResponse? Meeting,
    string? RootCause,
    CauseCategoryResponse? Category,
    ReviewTicketResponse[] Tickets,
    PreventiveActionResponse[] Actions,
    int OverdueActions,
    string[] Outstanding,
    DateTimeOffset? DoneAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Needs the review loaded with its tickets (and their modules), actions (and owners), module and category.</summary>
    public static ReviewResponse From(Review r, OrganizationTime org, DateTimeOffset now) => new(
        r.Id, r.Title, r.Trigger, r.WrittenReason?.In(System.Globalization.CultureInfo.CurrentUICulture), r.Status, r.Module?.Name, org.Local(r.OpenedAt), r.OpenedBy,
        r.MeetingAt is { } at ? new ReviewMeetingResponse(org.Local(at), [.. r.Participants]) : null,
        r.RootCause, r.CauseCategory is { } c ? CauseCategoryResponse.From(c) : null,
        [.. r.Tickets.OrderBy(t => t.TicketId).Select(t => new ReviewTicketResponse(
            t.Ticket.Number, t.Ticket.Title, t.Ticket.Priority, t.Ticket.Status, t.Ticket.Module.Name))],
        [.. r.Actions.OrderBy(a => a.Id).Select(a => PreventiveActionResponse.From(a, org, now))],
        r.Actions.Count(a => a.IsOverdue(now)),
        [.. r.Outstanding()],
        org.Local(r.DoneAt), org.Local(r.UpdatedAt));
}

/// <summary>A reminder and its e-mail: <c>mail</c> is the outbox status (null: the owner has no address), <c>deliveredAt</c> when it was sent.</summary>
public sealed record ReviewReminderResponse(long Id, int ActionId, int ReviewId, string Owner, ReminderKind Kind, string Message,
    DateTimeOffset CreatedAt, SupportFlow.Notifications.OutboxStatus? Mail, DateTimeOffset? DeliveredAt);
