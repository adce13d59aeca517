using SupportFlow.Common;
using SupportFlow.Routing;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Reviews;

/// <summary>
/// A post-incident review (复盘): the tickets it is about, the meeting, the root cause and its
/// category, and the preventive actions. Done, by itself, once the root cause is recorded and
/// every action is done or accepted; a done review takes no more changes.
/// </summary>
public sealed class Review
{
    private readonly List<ReviewTicket> _tickets = [];
    private readonly List<PreventiveAction> _actions = [];

    private Review()
    {
    }

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public ReviewTrigger Trigger { get; private set; }

    /// <summary>Why it was opened, in words (the request's reason, the recurring pattern); the system's own in English.</summary>
    public string? Reason { get; private set; }

    /// <summary>The system's reason (a serious incident, a recurring pattern) as its catalogue message, for each reader's language.</summary>
    public string? ReasonMessage { get; private set; }

    /// <summary>The reason to show: typed as typed, the system's in the reader's language.</summary>
    public HistoryNote? WrittenReason => HistoryNote.Stored(Reason, ReasonMessage);

    public ReviewStatus Status { get; private set; }

    /// <summary>The module of a recurring problem; null for the others.</summary>
    public int? ModuleId { get; private set; }

    public Module? Module { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; } = "";

    public DateTimeOffset? MeetingAt { get; private set; }

    /// <summary>Names as written: participants may come from outside the desk (a vendor's engineer).</summary>
    public List<string> Participants { get; private set; } = [];

    public string? RootCause { get; private set; }

    public int? CauseCategoryId { get; private set; }

    public CauseCategory? CauseCategory { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two supervisors editing one review cannot both win silently.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ReviewTicket> Tickets => _tickets;

    public IReadOnlyList<PreventiveAction> Actions => _actions;

    /// <summary>Closing a P1 or P2 ticket opens a review; P3 and P4 do not (a supervisor may still request one).</summary>
    public static bool IsOpenedByClosing(Ticket ticket) =>
        ticket.Status == TicketStatus.Closed && ticket.Priority is Priority.P1 or Priority.P2;

    public static Review Open(ReviewTrigger trigger, string title, HistoryNote? reason, IEnumerable<Ticket> tickets, Actor actor,
        DateTimeOffset now, Module? module = null)
    {
        var review = new Review
        {
            Title = title,
            Trigger = trigger,
            Reason = reason?.English,
            ReasonMessage = reason?.Message is { } message ? Localization.StoredMessage.Write(message) : null,
            Status = ReviewStatus.Open,
            Module = module,
            ModuleId = module?.Id,
            OpenedAt = now,
            OpenedBy = actor.Login,
            UpdatedAt = now,
        };
        foreach (var ticket in tickets)
        {
            review.Link(ticket, now);
        }

        return review;
    }

    /// <summary>The review a closed P1/P2 ticket opens, titled after it.</summary>
    public static Review ForClosedTicket(Ticket ticket, Actor actor, DateTimeOffset now) =>
        Open(ReviewTrigger.SeriousIncident, Shorten($"{ticket.Number} {ticket.Title}"),
            new Localization.LocalizedMessage("{0} ticket {1} closed", ticket.Priority.ToString(), ticket.Number), [ticket], actor, now);

    public bool Covers(long ticketId) => _tickets.Any(t => t.TicketId == ticketId);

    /// <summary>Adds a ticket; a ticket already linked is left as it is.</summary>
    public void Link(Ticket ticket, DateTimeOffset now)
    {
        EnsureOpen();
        if (ticket.Id != 0 && Covers(ticket.Id))
        {
            return;
        }

        _tickets.Add(new ReviewTicket(ticket, now));
        Touch(now);
    }

    /// <summary>
    /// A new ticket of the recurring problem joins its open review. Only the link row is written,
    /// not the review: every similar report arriving at once would otherwise contend for the
    /// review's concurrency token, and a report must not be refused for that.
    /// </summary>
    public void AddRecurrence(Ticket ticket, DateTimeOffset now)
    {
        EnsureOpen();
        _tickets.Add(new ReviewTicket(ticket, now));
    }

    public void RecordMeeting(DateTimeOffset meetingAt, IReadOnlyList<string> participants, DateTimeOffset now)
    {
        EnsureOpen();
        if (participants.Count == 0)
        {
            throw new DomainException("A review meeting needs its participants.");
        }

        MeetingAt = meetingAt;
        Participants = [.. participants];
        Touch(now);
    }

    public void RecordCause(string rootCause, CauseCategory category, DateTimeOffset now)
    {
        EnsureOpen();
        if (!category.IsActive && category.Id != CauseCategoryId)
        {
            throw new DomainException("Cause category '{0}' is no longer in use.", category.Key);
        }

        RootCause = rootCause;
        CauseCategory = category;
        CauseCategoryId = category.Id;
        Touch(now);
        CheckDone(now);
    }

    public void Retitle(string title, DateTimeOffset now)
    {
        EnsureOpen();
        Title = title;
        Touch(now);
    }

    public PreventiveAction AddAction(string description, User owner, DateOnly dueDate, DateTimeOffset dueAt, DateTimeOffset now)
    {
        EnsureOpen();
        if (!owner.IsActive || owner.Role < Role.Engineer)
        {
            throw new DomainException("{0} cannot own a preventive action: only active staff can.", owner.Login);
        }

        var action = new PreventiveAction(description, owner, dueDate, dueAt, now);
        _actions.Add(action);
        Touch(now);
        return action;
    }

    public void CompleteAction(int actionId, Actor actor, DateTimeOffset now, string? note)
    {
        EnsureOpen();
        FindAction(actionId).Complete(actor, now, note);
        Touch(now);
        CheckDone(now);
    }

    public void AcceptAction(int actionId, Actor actor, DateTimeOffset now, string note)
    {
        EnsureOpen();
        FindAction(actionId).Accept(actor, now, note);
        Touch(now);
        CheckDone(now);
    }

    /// <summary>What still keeps the review open, in words (empty once done).</summary>
    public IReadOnlyList<string> Outstanding()
    {
        var missing = new List<string>();
        if (RootCause is null)
        {
            missing.Add("rootCause");
        }

        if (_actions.Count == 0)
        {
            missing.Add("actions");
        }

        missing.AddRange(_actions.Where(a => a.Status == ActionStatus.Open).Select(a => $"action {a.Id}"));
        return missing;
    }

    private PreventiveAction FindAction(int actionId) =>
        _actions.SingleOrDefault(a => a.Id == actionId)
        ?? throw new NotFoundException("Review {0} has no action {1}.", Id, actionId);

    private void CheckDone(DateTimeOffset now)
    {
        if (Outstanding().Count == 0)
        {
            Status = ReviewStatus.Done;
            DoneAt = now;
        }
    }

    private void EnsureOpen()
    {
        if (Status == ReviewStatus.Done)
        {
            throw new DomainException("Review {0} is done; it takes no more changes.", Id);
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string Shorten(string text) => text.Length <= Limits.Title ? text : text[..(Limits.Title - 1)] + "…";
}
