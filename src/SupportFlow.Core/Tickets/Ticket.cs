using System.Globalization;
using SupportFlow.Common;
using SupportFlow.Localization;
using SupportFlow.Routing;
using SupportFlow.Sla;
using SupportFlow.Users;

namespace SupportFlow.Tickets;

/// <summary>
/// A reported problem and its whole life, from intake to closure. Every change goes through a
/// method here that first asks <see cref="TicketTransitions"/> whether the current status allows
/// it, then appends what changed to the history.
/// </summary>
public sealed partial class Ticket
{
    private readonly List<TicketHistoryEntry> _history = [];
    private readonly List<TicketClockInterval> _clockIntervals = [];
    private readonly List<TicketSlaEvent> _slaEvents = [];

    private Ticket()
    {
    }

    public long Id { get; private set; }

    /// <summary>YYYYMMDD-NNN: the receiving date in the organisation's time zone and that day's serial.</summary>
    public string Number { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>When the problem occurred, to the minute.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>When the desk received the report; SLA clocks start here.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    public int ModuleId { get; private set; }

    public Module Module { get; private set; } = null!;

    /// <summary>Who or what business is affected.</summary>
    public string Impact { get; private set; } = "";

    public Priority Priority { get; private set; }

    public Channel Channel { get; private set; }

    public TicketStatus Status { get; private set; }

    public ReporterInfo Reporter { get; private set; } = null!;

    /// <summary>Who typed the report in: the reporter, or the engineer who took the phone call.</summary>
    public int? RecordedById { get; private set; }

    public int? TeamId { get; private set; }

    public Team? Team { get; private set; }

    public int? AssigneeId { get; private set; }

    public User? Assignee { get; private set; }

    public DateTimeOffset? TriagedAt { get; private set; }

    public DateTimeOffset? FirstAssignedAt { get; private set; }

    /// <summary>The first public word to the reporter (update or acknowledgement).</summary>
    public DateTimeOffset? FirstRespondedAt { get; private set; }

    public DateTimeOffset? LastPublicUpdateAt { get; private set; }

    public PendingReason? PendingReason { get; private set; }

    public string? PendingNote { get; private set; }

    /// <summary>The status a pending ticket returns to on resume.</summary>
    public TicketStatus? StatusBeforePending { get; private set; }

    public string? Solution { get; private set; }

    public string? Cause { get; private set; }

    public string? Workaround { get; private set; }

    public Verification? Verification { get; private set; }

    /// <summary>What was backed up before the change that fixed the problem.</summary>
    public string? Backup { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public string? ConfirmationComment { get; private set; }

    public bool ConfirmedOnBehalf { get; private set; }

    public int? Rating { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Closed by a supervisor or by the auto-close rule while the reporter had not answered.</summary>
    public bool ClosedWithoutConfirmation { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>How often the ticket came back after being resolved or closed.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>When the reporter last wrote to the ticket while it was resolved: the owner answers, it does not close itself.</summary>
    public DateTimeOffset? ReporterRepliedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The SLA targets the ticket's clocks run on: its priority's policy when received or re-triaged.</summary>
    public SlaTarget SlaFirstResponse { get; private set; }

    public SlaTarget SlaAssignment { get; private set; }

    public SlaTarget SlaUpdate { get; private set; }

    public SlaTarget SlaResolution { get; private set; }

    /// <summary>The earliest due time of a target not yet met: the queues sort by it.</summary>
    public DateTimeOffset? SlaNextDueAt { get; private set; }

    /// <summary>The earliest 80% warning time of a target not yet met: "at risk" from then on.</summary>
    public DateTimeOffset? SlaNextWarnAt { get; private set; }

    /// <summary>When the next warning, breach or escalation falls due: the SLA sweep looks for these.</summary>
    public DateTimeOffset? SlaNextEventAt { get; private set; }

    /// <summary>Some target was breached (met late or still overdue).</summary>
    public bool SlaBreached { get; private set; }

    /// <summary>Spans pending on the reporter and spans resolved: loaded when the ticket is worked on.</summary>
    public IReadOnlyList<TicketClockInterval> ClockIntervals => _clockIntervals;

    /// <summary>Warnings, breaches and escalations recorded so far: loaded when the ticket is worked on.</summary>
    public IReadOnlyList<TicketSlaEvent> SlaEvents => _slaEvents;

    public SlaPolicy SlaPolicy => new(Priority, SlaFirstResponse, SlaAssignment, SlaUpdate, SlaResolution);

    public SlaTimeline SlaTimeline => new()
    {
        ReceivedAt = ReceivedAt,
        FirstPublicResponseAt = FirstRespondedAt,
        FirstAssignedAt = FirstAssignedAt,
        LastPublicUpdateAt = LastPublicUpdateAt,
        PendingOnReporter = Intervals(ClockIntervalKind.PendingOnReporter),
        Resolutions = Intervals(ClockIntervalKind.Resolved),
    };

    /// <summary>Optimistic concurrency: two people changing one ticket at once cannot both win silently.</summary>
    public int Version { get; private set; }

    /// <summary>Lines appended by this instance; the stored history is queried, never loaded here.</summary>
    public IReadOnlyList<TicketHistoryEntry> History => _history;

    /// <summary>
    /// A new ticket; its SLA clocks run on <paramref name="policy"/> (by default SPEC's defaults for its priority),
    /// and it goes to <paramref name="route"/>'s team (<see cref="TicketRoute.For"/>; by default the module's team).
    /// </summary>
    public static Ticket Receive(string number, TicketIntake intake, Module module, Actor actor, DateTimeOffset now,
        SlaPolicy? policy = null, TicketRoute? route = null)
    {
        route ??= TicketRoute.For(module, null);
        if (intake.ReceivedAt > now)
        {
            throw new DomainException("A report cannot be received in the future.");
        }

        var ticket = new Ticket
        {
            Number = number,
            Title = intake.Title,
            Description = intake.Description,
            OccurredAt = intake.OccurredAt,
            ReceivedAt = intake.ReceivedAt,
            Module = module,
            Impact = intake.Impact,
            Priority = intake.Priority,
            Channel = intake.Channel,
            Status = TicketStatus.New,
            Reporter = intake.Reporter,
            RecordedById = actor.UserId,
            Team = route.Team,
            TeamId = route.Team?.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var onBehalf = intake.Reporter.UserId != actor.UserId;
        ticket.Append(now, actor, HistoryAction.Create, null, null, number,
            onBehalf ? new LocalizedMessage("Recorded by {0} for {1}", actor.Name, intake.Reporter.Name) : null, isPublic: true);
        ticket.Append(now, actor, HistoryAction.Create, HistoryField.Team, null, route.Team?.Name, route.Reason, isPublic: true);
        ticket.UseSlaPolicy(policy ?? SlaPolicy.Defaults[intake.Priority]);
        return ticket;
    }

    /// <summary>
    /// Confirms or changes the priority. Another priority recomputes the SLA targets from receipt
    /// under <paramref name="policy"/> (by default SPEC's defaults for it), and the history says so.
    /// </summary>
    public void Triage(Actor actor, DateTimeOffset at, Priority priority, string reason, SlaPolicy? policy = null)
    {
        Ensure(TicketAction.Triage);
        var action = HistoryAction.Triage;
        if (priority == Priority)
        {
            Append(at, actor, action, HistoryField.Priority, Priority.ToString(), Priority.ToString(), reason, isPublic: false);
        }
        else
        {
            Set<Priority>(at, actor, action, HistoryField.Priority, Priority, priority, reason, isPublic: true);
            Priority = priority;
            UseSlaPolicy(policy ?? SlaPolicy.Defaults[priority]);
            Append(at, actor, action, HistoryField.Sla, null, null,
                new LocalizedMessage("SLA targets recomputed from receipt under {0}: {1}", priority.ToString(), Describe(SlaPolicy)), isPublic: false);
        }

        TriagedAt = at;
        Touch(at);
    }

    public void Assign(Actor actor, DateTimeOffset at, User assignee, Team team, HistoryNote? reason)
    {
        Ensure(TicketAction.Assign);
        if (!assignee.IsActive || assignee.Role < Role.Engineer)
        {
            throw new DomainException("{0} cannot own tickets: only active engineers and supervisors can.", assignee.Login);
        }

        var action = HistoryAction.Assign;
        // Every reassignment says why in the history; without a stated reason, who overrode whom.
        reason ??= Assignee is { } previous && previous.Id != assignee.Id
            ? new LocalizedMessage("Reassigned from {0} by {1}", previous.Login, actor.Name)
            : null;
        var newTeam = TeamId != team.Id;
        var newOwner = AssigneeId != assignee.Id;
        if (!newTeam && !newOwner)
        {
            throw new DomainException("Ticket {0} is already assigned to {1} in team {2}.", Number, assignee.Login, team.Name);
        }

        if (newTeam)
        {
            Append(at, actor, action, HistoryField.Team, Team?.Name, team.Name, reason, isPublic: true);
            Team = team;
            TeamId = team.Id;
        }

        if (newOwner)
        {
            Append(at, actor, action, HistoryField.Assignee, Assignee?.Login, assignee.Login, reason, isPublic: true);
            Assignee = assignee;
            AssigneeId = assignee.Id;
        }

        if (FirstAssignedAt is null)
        {
            // SPEC: the reporter is told "received; owner: <engineer>; first feedback expected within <N>".
            // This acknowledgement is the first response.
            var feedback = SlaUpdate.IsNone ? SlaResolution : SlaUpdate;
            Append(at, actor, action, null, null, null,
                new LocalizedMessage("Received; owner: {0}; first feedback expected within {1}.", assignee.Name, feedback.Words()), isPublic: true);
            FirstAssignedAt = at;
            FirstRespondedAt ??= at;
        }

        if (Status == TicketStatus.Pending)
        {
            StatusBeforePending = newOwner ? TicketStatus.Assigned : StatusBeforePending;
        }
        else if (newOwner || Status == TicketStatus.New)
        {
            ChangeStatus(at, actor, action, TicketStatus.Assigned);
        }

        Touch(at);
    }

    public void Start(Actor actor, DateTimeOffset at)
    {
        Ensure(TicketAction.Start);
        ChangeStatus(at, actor, HistoryAction.Start, TicketStatus.InProgress);
        Touch(at);
    }

    /// <summary>An internal work note: a troubleshooting step, not shown to the reporter.</summary>
    public void LogWork(Actor actor, DateTimeOffset at, string text, WorkMethod method)
    {
        Ensure(TicketAction.Worklog);
        Append(at, actor, HistoryAction.Worklog, null, null, null, text, isPublic: false, method: method);
        Touch(at);
    }

    /// <summary>A public progress update to the reporter; it restarts the update clock.</summary>
    public void PostUpdate(Actor actor, DateTimeOffset at, string message)
    {
        Ensure(TicketAction.Update);
        Append(at, actor, HistoryAction.Update, null, null, null, message, isPublic: true);
        FirstRespondedAt ??= at;
        LastPublicUpdateAt = at;
        Touch(at);
    }

    /// <summary>
    /// Information added by the reporter (or a colleague of the desk). A reporter answering a
    /// ticket that waits on them brings it back to work.
    /// </summary>
    /// <remarks>
    /// <paramref name="fromReporter"/>: the message is known to come from the reporter though the
    /// actor has no account (mail or chat from the reporter's address). A reporter writing to a
    /// resolved ticket is waiting for the owner's answer, so it no longer closes itself.
    /// </remarks>
    public void Comment(Actor actor, DateTimeOffset at, string message, bool fromReporter = false)
    {
        Ensure(TicketAction.Comment);
        var action = HistoryAction.Comment;
        Append(at, actor, action, null, null, null, message, isPublic: true);
        var byReporter = fromReporter || IsReporter(actor);
        if (Status == TicketStatus.Pending && PendingReason == Tickets.PendingReason.Reporter && byReporter)
        {
            LeavePending(at, actor, action);
        }

        if (Status == TicketStatus.Resolved && byReporter)
        {
            ReporterRepliedAt = at;
        }

        Touch(at);
    }

    public void Pend(Actor actor, DateTimeOffset at, PendingReason reason, string? note)
    {
        Ensure(TicketAction.Pend);
        var action = HistoryAction.Pend;
        StatusBeforePending = Status;
        Set(at, actor, action, HistoryField.PendingReason, PendingReason, reason, note, isPublic: true);
        PendingReason = reason;
        PendingNote = note;
        if (reason == Tickets.PendingReason.Reporter)
        {
            _clockIntervals.Add(new TicketClockInterval(ClockIntervalKind.PendingOnReporter, at));
        }

        ChangeStatus(at, actor, action, TicketStatus.Pending);
        Touch(at);
    }

    public void Resume(Actor actor, DateTimeOffset at)
    {
        Ensure(TicketAction.Resume);
        LeavePending(at, actor, HistoryAction.Resume);
        Touch(at);
    }

    public void Resolve(
        Actor actor, DateTimeOffset at, string solution, string? cause, string? workaround,
        Verification? verification, string? backup)
    {
        Ensure(TicketAction.Resolve);
        RequireText(solution, "Resolving needs a solution.");
        var action = HistoryAction.Resolve;
        Solution = SetText(at, actor, action, HistoryField.Solution, Solution, solution, isPublic: true);
        Cause = SetText(at, actor, action, HistoryField.Cause, Cause, cause, isPublic: true);
        Workaround = SetText(at, actor, action, HistoryField.Workaround, Workaround, workaround, isPublic: true);
        Backup = SetText(at, actor, action, HistoryField.Backup, Backup, backup, isPublic: false);
        Set(at, actor, action, HistoryField.Verification, Verification, verification, null, isPublic: true);
        Verification = verification;
        ResolvedAt = at;
        ConfirmedAt = null;
        _clockIntervals.Add(new TicketClockInterval(ClockIntervalKind.Resolved, at));
        ChangeStatus(at, actor, action, TicketStatus.Resolved);
        Touch(at);
    }

    /// <summary>
    /// The reporter's answer to a resolution. Only the reporter, or a supervisor acting for them
    /// (recorded as such), may give it. "Not solved" reopens the ticket.
    /// </summary>
    public void Confirm(Actor actor, DateTimeOffset at, bool resolved, string? comment, int? rating)
    {
        Ensure(TicketAction.Confirm);
        var onBehalf = !IsReporter(actor);
        if (onBehalf && !actor.IsSupervisor)
        {
            throw new ForbiddenException("Only the reporter, or a supervisor acting for them, may confirm a resolution.");
        }

        if (ConfirmedAt is not null)
        {
            throw new DomainException("Ticket {0} is resolved and already confirmed; it awaits closing.", Number);
        }

        if (rating is < 1 or > 5)
        {
            throw new DomainException("A rating is 1 to 5 stars.");
        }

        var action = HistoryAction.Confirm;
        Append(at, actor, action, HistoryField.Confirmation, null, resolved ? HistoryField.Confirmed.Resolved : HistoryField.Confirmed.NotResolved, comment, isPublic: true,
            onBehalfOfReporter: onBehalf);
        if (rating is not null)
        {
            Set(at, actor, action, HistoryField.Rating, Rating, rating, null, isPublic: true, onBehalf);
            Rating = rating;
        }

        ConfirmationComment = comment;
        ConfirmedOnBehalf = onBehalf;
        if (resolved)
        {
            ConfirmedAt = at;
        }
        else
        {
            ReopenFrom(at, actor, action);
        }

        Touch(at);
    }

    /// <summary>Closes with the summary of cause and solution. Without the reporter's confirmation only a supervisor may.</summary>
    public void Close(Actor actor, DateTimeOffset at, string cause, string solution)
    {
        Ensure(TicketAction.Close);
        RequireText(cause, "Closing needs the cause.");
        RequireText(solution, "Closing needs the solution.");
        if (ConfirmedAt is null && !actor.IsSupervisor)
        {
            throw new DomainException(
                "Ticket {0} is resolved and awaits the reporter's confirmation; only a supervisor may close it without.", Number);
        }

        var action = HistoryAction.Close;
        Cause = SetText(at, actor, action, HistoryField.Cause, Cause, cause, isPublic: true);
        Solution = SetText(at, actor, action, HistoryField.Solution, Solution, solution, isPublic: true);
        CloseAt(at, actor, action);
    }

    /// <summary>The reporter did not answer a resolution in time: closed, recorded as without confirmation.</summary>
    public void AutoClose(DateTimeOffset at)
    {
        Ensure(TicketAction.Close);
        if (ConfirmedAt is not null)
        {
            throw new DomainException("Ticket {0} was confirmed; its owner closes it with a summary.", Number);
        }

        if (ReporterRepliedAt >= ResolvedAt)
        {
            throw new DomainException("The reporter answered the resolution of ticket {0}; its owner decides.", Number);
        }

        Append(at, Actor.System, HistoryAction.AutoClose, null, null, null,
            new LocalizedMessage("Closed without confirmation: the reporter did not answer the resolution in time."), isPublic: true);
        CloseAt(at, Actor.System, HistoryAction.AutoClose);
    }

    public void Reopen(Actor actor, DateTimeOffset at, string reason)
    {
        Ensure(TicketAction.Reopen);
        RequireText(reason, "Reopening needs a reason.");
        var action = HistoryAction.Reopen;
        Append(at, actor, action, null, null, null, reason, isPublic: true);
        ReopenFrom(at, actor, action);
        Touch(at);
    }

    public void Cancel(Actor actor, DateTimeOffset at, string reason)
    {
        Ensure(TicketAction.Cancel);
        RequireText(reason, "Cancelling needs a reason.");
        var action = HistoryAction.Cancel;
        CancelReason = SetText(at, actor, action, HistoryField.CancelReason, CancelReason, reason, isPublic: true);
        CancelledAt = at;
        ChangeStatus(at, actor, action, TicketStatus.Cancelled);
        Touch(at);
    }

    public void RecordAttachment(Actor actor, DateTimeOffset at, string fileName, long size)
    {
        Ensure(TicketAction.Attach);
        Append(at, actor, HistoryAction.Attach, HistoryField.Attachment, null, fileName, new LocalizedMessage("{0} bytes", size), isPublic: true);
        Touch(at);
    }

    /// <summary>Where each SLA target stands at <paramref name="now"/>; a cancelled ticket's clocks stopped when it was cancelled.</summary>
    public SlaStatus SlaAt(BusinessCalendar calendar, DateTimeOffset now) =>
        SlaClock.Compute(SlaPolicy, calendar, SlaTimeline, CancelledAt is { } cancelled && cancelled < now ? cancelled : now);

    /// <summary>
    /// Records every warning, breach and escalation that has fallen due and is not recorded yet
    /// (each once, in the history too), then sets when the next one falls due. Called after
    /// every change and by the SLA sweep; needs <see cref="SlaEvents"/> and <see cref="ClockIntervals"/> loaded.
    /// </summary>
    public IReadOnlyList<TicketSlaEvent> ApplySla(BusinessCalendar calendar, IReadOnlyList<SlaEscalation> escalations,
        DateTimeOffset now)
    {
        var status = SlaAt(calendar, now);
        var recorded = new List<TicketSlaEvent>();
        DateTimeOffset? nextEvent = null;
        var open = TicketTransitions.IsOpen(Status);
        foreach (var (target, state) in SlaTargets.Named(status))
        {
            foreach (var (level, dueAt, eventAt) in SlaTargets.Events(state, escalations))
            {
                if (_slaEvents.Any(e => e.Target == target && e.Level == level && e.DueAt == dueAt))
                {
                    continue;
                }

                if (eventAt > now)
                {
                    nextEvent = open && (nextEvent is null || eventAt < nextEvent) ? eventAt : nextEvent;
                    continue;
                }

                if (level == SlaTargets.Warning && dueAt <= now)
                {
                    continue; // found only once already breached: the breach says it all
                }

                var slaEvent = new TicketSlaEvent(target, level, dueAt, now);
                _slaEvents.Add(slaEvent);
                recorded.Add(slaEvent);
                Append(now, Actor.System, HistoryAction.Sla, target, null, level, SlaTargets.Describe(target, level, dueAt), isPublic: false);
            }
        }

        SlaBreached = SlaBreached || status.AnyBreached;
        SlaNextDueAt = open ? status.NextDueAt : null;
        SlaNextWarnAt = open ? status.All.Where(s => !s.IsMet && s.WarnAt is not null).Min(s => s.WarnAt) : null;
        SlaNextEventAt = nextEvent;
        return recorded;
    }

    public bool IsReporter(Actor actor) => actor.UserId is not null && Reporter.UserId == actor.UserId;

    private void UseSlaPolicy(SlaPolicy policy)
    {
        SlaFirstResponse = policy.FirstResponse;
        SlaAssignment = policy.Assignment;
        SlaUpdate = policy.Update;
        SlaResolution = policy.Resolution;
    }

    private static LocalizedMessage Describe(SlaPolicy policy) =>
        new("first response {0}, assignment {1}, update {2}, resolution {3}",
            policy.FirstResponse.Words(), policy.Assignment.Words(), policy.Update.Words(), policy.Resolution.Words());

    private ClockInterval[] Intervals(ClockIntervalKind kind) =>
        [.. _clockIntervals.Where(i => i.Kind == kind).OrderBy(i => i.From).Select(i => i.ToClockInterval())];

    private void EndInterval(ClockIntervalKind kind, DateTimeOffset at)
    {
        foreach (var interval in _clockIntervals.Where(i => i.Kind == kind && i.To is null))
        {
            interval.End(at);
        }
    }

    private void Ensure(TicketAction action)
    {
        if (!TicketTransitions.IsAllowed(action, Status))
        {
            throw new TicketTransitionException(Number, action, Status);
        }
    }

    private void LeavePending(DateTimeOffset at, Actor actor, string action)
    {
        Set<PendingReason>(at, actor, action, HistoryField.PendingReason, PendingReason, null, null, isPublic: true);
        var next = StatusBeforePending ?? TicketStatus.InProgress;
        EndInterval(ClockIntervalKind.PendingOnReporter, at);
        PendingReason = null;
        PendingNote = null;
        StatusBeforePending = null;
        ChangeStatus(at, actor, action, next);
    }

    private void ReopenFrom(DateTimeOffset at, Actor actor, string action)
    {
        ReopenCount++;
        Append(at, actor, action, HistoryField.ReopenCount, (ReopenCount - 1).ToString(Invariant), ReopenCount.ToString(Invariant),
            null, isPublic: false);
        ResolvedAt = null;
        EndInterval(ClockIntervalKind.Resolved, at);
        ConfirmedAt = null;
        ClosedAt = null;
        ClosedWithoutConfirmation = false;
        ChangeStatus(at, actor, action, TicketStatus.InProgress);
    }

    private void CloseAt(DateTimeOffset at, Actor actor, string action)
    {
        ClosedAt = at;
        ClosedWithoutConfirmation = ConfirmedAt is null;
        if (ClosedWithoutConfirmation)
        {
            Append(at, actor, action, HistoryField.ClosedWithoutConfirmation, "false", "true", null, isPublic: true);
        }

        ChangeStatus(at, actor, action, TicketStatus.Closed);
        Touch(at);
    }

    private void ChangeStatus(DateTimeOffset at, Actor actor, string action, TicketStatus status)
    {
        Set<TicketStatus>(at, actor, action, HistoryField.Status, Status, status, null, isPublic: true);
        Status = status;
    }

    private string? SetText(DateTimeOffset at, Actor actor, string action, string field, string? old, string? value, bool isPublic)
    {
        var normalised = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (normalised != old)
        {
            Append(at, actor, action, field, old, normalised, null, isPublic);
        }

        return normalised;
    }

    private void Set<T>(DateTimeOffset at, Actor actor, string action, string field, T? old, T? value, string? note,
        bool isPublic, bool onBehalf = false) where T : struct
    {
        if (!Nullable.Equals(old, value))
        {
            Append(at, actor, action, field, Wire(old), Wire(value), note, isPublic, onBehalf);
        }
    }

    private static string? Wire<T>(T? value) where T : struct => value switch
    {
        null => null,
        Enum e => WireNames.Of(e),
        IFormattable f => f.ToString(null, Invariant),
        var v => v.ToString(),
    };

    private void Append(DateTimeOffset at, Actor actor, string action, string? field, string? oldValue, string? newValue,
        HistoryNote? note, bool isPublic, bool onBehalfOfReporter = false, WorkMethod? method = null) =>
        _history.Add(new TicketHistoryEntry(at, actor, action, field, oldValue, newValue, note, isPublic, onBehalfOfReporter)
        {
            Method = method,
        });

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }

    private static void RequireText(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(key);
        }
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
}
