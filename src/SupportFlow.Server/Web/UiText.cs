using System.Globalization;
using Microsoft.Extensions.Localization;
using SupportFlow.Common;
using SupportFlow.Localization;
using SupportFlow.Reviews;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Web;

/// <summary>
/// The words of the pages in the request's language, from the one catalogue (<see cref="Texts"/>)
/// through ASP.NET Core's <see cref="IStringLocalizer{T}"/>. Keys are the English text itself, so a
/// page reads naturally and a missing translation shows English rather than a key.
/// </summary>
public sealed partial class UiText(IHttpContextAccessor accessor, OrganizationTime org, IStringLocalizer<Texts> localizer)
{
    private string? _language;

    public string Language => _language ??= accessor.HttpContext is { } http ? UiLanguage.Of(http) : UiLanguage.English;

    public bool IsChinese => Language == UiLanguage.Chinese;

    public string ZoneName => org.Zone.Id;

    public string this[string english] => localizer[english];

    /// <summary>A sentence with placeholders: <c>T.Format("Ticket {0} received", number)</c>.</summary>
    public string Format(string english, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, this[english], args);

    /// <summary>A time in the organisation's zone, to the minute.</summary>
    public string Time(DateTimeOffset? time) =>
        time is { } t ? org.Local(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>"in 2 h 5 min" / "3 h 10 min overdue".</summary>
    public string Remaining(TimeSpan left)
    {
        var span = left.Duration();
        var text = span.TotalDays >= 1
            ? Format("{0} d {1} h", (int)span.TotalDays, span.Hours)
            : span.TotalHours >= 1
                ? Format("{0} h {1} min", (int)span.TotalHours, span.Minutes)
                : Format("{0} min", Math.Max(0, (int)span.TotalMinutes));
        return left < TimeSpan.Zero ? Format("{0} overdue", text) : Format("{0} left", text);
    }

    public string Of(TicketStatus status) => this[status switch
    {
        TicketStatus.New => "New",
        TicketStatus.Assigned => "Assigned",
        TicketStatus.InProgress => "In progress",
        TicketStatus.Pending => "Pending",
        TicketStatus.Resolved => "Resolved",
        TicketStatus.Closed => "Closed",
        TicketStatus.Cancelled => "Cancelled",
    }];

    public string Of(Priority priority) => priority switch
    {
        Priority.P1 => this["P1 urgent"],
        Priority.P2 => this["P2 high"],
        Priority.P3 => this["P3 medium"],
        Priority.P4 => this["P4 low"],
    };

    /// <summary>The plain-words meaning of a priority, for people choosing one.</summary>
    public string Meaning(Priority priority) => this[priority switch
    {
        Priority.P1 => "Business is stopped: nobody can work, e.g. orders cannot be taken.",
        Priority.P2 => "Work is seriously slowed down, e.g. a key function fails for a team.",
        Priority.P3 => "A slight impact: there is a way around it for now.",
        Priority.P4 => "It can wait: a question, a wish, a small annoyance.",
    }];

    public string Of(Channel channel) => this[channel switch
    {
        Channel.Phone => "Phone",
        Channel.Portal => "Portal",
        Channel.Email => "E-mail",
        Channel.Chat => "Chat",
        Channel.Api => "API",
    }];

    public string Of(WorkMethod method) => this[method switch
    {
        WorkMethod.Remote => "Remote",
        WorkMethod.Onsite => "On site",
        WorkMethod.Phone => "Phone",
    }];

    public string Of(Verification verification) => this[verification switch
    {
        Verification.Remote => "Remote",
        Verification.Onsite => "On site",
    }];

    public string Of(PendingReason reason) => this[reason switch
    {
        PendingReason.Reporter => "Waiting for the reporter",
        PendingReason.Vendor => "Waiting for a vendor",
    }];

    public string Of(Role role) => this[role switch
    {
        Role.Reporter => "Reporter",
        Role.Engineer => "Engineer",
        Role.Supervisor => "Supervisor",
        Role.Admin => "Administrator",
    }];

    /// <summary>A history line's action ("triage", "worklog", ...) in words.</summary>
    public string Action(string action) => this[action switch
    {
        HistoryAction.Create => "Reported",
        HistoryAction.Triage => "Triaged",
        HistoryAction.Assign => "Assigned",
        HistoryAction.Start => "Work started",
        HistoryAction.Worklog => "Work log",
        HistoryAction.Update => "Progress update",
        HistoryAction.Comment => "Comment",
        HistoryAction.Pend => "Pending",
        HistoryAction.Resume => "Resumed",
        HistoryAction.Resolve => "Resolved",
        HistoryAction.Confirm => "Confirmation",
        HistoryAction.Close => "Closed",
        HistoryAction.AutoClose => "Closed automatically",
        HistoryAction.Reopen => "Reopened",
        HistoryAction.Cancel => "Cancelled",
        HistoryAction.Attach => "Attachment",
        HistoryAction.Sla => "SLA",
        HistoryAction.Department => "Departments",
        HistoryAction.Vendor => "Vendor",
        HistoryAction.Review => "Review",
        HistoryAction.Link => "Link",
        HistoryAction.Merge => "Merged",
        HistoryAction.Imported => "Imported",
        HistoryAction.Notify => "Notification",
        _ => action,
    }];

    public string Of(ReviewTrigger trigger) => this[trigger switch
    {
        ReviewTrigger.SeriousIncident => "Serious incident (P1/P2)",
        ReviewTrigger.RecurringProblem => "Recurring problem",
        ReviewTrigger.Requested => "Requested by a supervisor",
    }];

    public string Of(ActionStatus status) => this[status switch
    {
        ActionStatus.Open => "Open",
        ActionStatus.Done => "Done",
        ActionStatus.Accepted => "Accepted",
    }];

    /// <summary>How a linked ticket relates to this one (duplicateOf, related, causedBy and their inverses).</summary>
    public string LinkKind(string kind) => this[kind switch
    {
        "duplicateOf" => "Duplicate of",
        "duplicatedBy" => "Has duplicate",
        "related" => "Related to",
        "causedBy" => "Caused by",
        "causes" => "Causes",
        _ => kind,
    }];

    /// <summary>A changed ticket field of a history line, in words.</summary>
    public string Field(string field) => this[field switch
    {
        HistoryField.Status => "Status",
        HistoryField.Priority => "Priority",
        HistoryField.Team => "Team",
        HistoryField.Assignee => "Owner",
        HistoryField.PendingReason => "Waiting for",
        HistoryField.Solution => "Solution",
        HistoryField.Cause => "Cause",
        HistoryField.Workaround => "Workaround",
        HistoryField.Backup => "Backup",
        HistoryField.Verification => "Verified",
        HistoryField.Confirmation => "Confirmation",
        HistoryField.Rating => "Rating",
        HistoryField.CancelReason => "Reason",
        HistoryField.ReopenCount => "Times reopened",
        HistoryField.ClosedWithoutConfirmation => "Closed without confirmation",
        HistoryField.Sla => "SLA",
        HistoryField.ResponsibleDepartment => "Responsible department",
        HistoryField.CollaboratingDepartment => "Collaborating department",
        HistoryField.VendorContact => "Vendor contact",
        HistoryField.MergedFrom => "Merged from",
        "duplicateOf" or "duplicatedBy" or "related" or "causedBy" or "causes" => LinkKind(field),
        _ => field,
    }];

    /// <summary>A history value: statuses, priorities and reasons in words, anything else as written.</summary>
    public string FieldValue(string? field, string? value) => (field, value) switch
    {
        (_, null) => "—",
        (HistoryField.Status, _) when WireNames.TryParse<TicketStatus>(value, out var status) => Of(status),
        (HistoryField.Priority, _) when WireNames.TryParse<Priority>(value, out var priority) => Of(priority),
        (HistoryField.PendingReason, _) when WireNames.TryParse<PendingReason>(value, out var reason) => Of(reason),
        (HistoryField.Verification, _) when WireNames.TryParse<Verification>(value, out var verification) => Of(verification),
        (HistoryField.Confirmation, HistoryField.Confirmed.Resolved) => this["Solved"],
        (HistoryField.Confirmation, HistoryField.Confirmed.NotResolved) => this["Not solved"],
        (_, "true") => this["Yes"],
        (_, "false") => this["No"],
        _ => value,
    };

    /// <summary>
    /// What still keeps a review open, as <c>Review.Outstanding</c> names it ("rootCause", "actions",
    /// "action 12"), in words; an action by its description when <paramref name="actions"/> knows it.
    /// </summary>
    public string Outstanding(string item, IReadOnlyDictionary<int, string> actions) => item switch
    {
        "rootCause" => this["a root cause"],
        "actions" => this["at least one preventive action"],
        _ when item.StartsWith("action ", StringComparison.Ordinal)
               && int.TryParse(item.AsSpan("action ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) =>
            Format("action “{0}” done or accepted", actions.GetValueOrDefault(id) ?? $"#{id}"),
        _ => item,
    };


    public string SlaTarget(string target) => this[target switch
    {
        "FirstResponse" => "First response",
        "Assignment" => "Assignment",
        "Update" => "Next update",
        "Resolution" => "Resolution",
        _ => target,
    }];
}
