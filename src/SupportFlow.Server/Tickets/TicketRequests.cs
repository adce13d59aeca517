using SupportFlow.Common;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Tickets;

// Request bodies of the ticket API. Enum-valued and time fields arrive as strings so that a bad
// value gets a message naming the allowed ones; each Parse checks every field and throws
// RequestValidationException with all messages at once.

public sealed record ReporterRequest(string? Login, string? Name, string? Department, string? Phone, string? Email);

public sealed record CreateTicketRequest(
    string? Title,
    string? Description,
    string? OccurredAt,
    string? ReceivedAt,
    string? Module,
    string? Impact,
    string? Priority,
    string? Channel,
    ReporterRequest? Reporter);

public sealed record TriageRequest(string? Priority, string? Reason)
{
    public (Priority Priority, string Reason) Parse()
    {
        var errors = new RequestErrors();
        var priority = errors.Enum<Priority>("priority", Priority);
        var reason = errors.Required("reason", Reason, Limits.Reason);
        errors.ThrowIfInvalid();
        return (priority!.Value, reason);
    }
}

public sealed record AssignRequest(string? Assignee, string? Team, string? Reason)
{
    public (string Assignee, string? Team, string? Reason) Parse()
    {
        var errors = new RequestErrors();
        var assignee = errors.Required("assignee", Assignee, Limits.Login);
        var team = errors.Optional("team", Team, Limits.Name);
        var reason = errors.Optional("reason", Reason, Limits.Reason);
        errors.ThrowIfInvalid();
        return (assignee.ToLowerInvariant(), team, reason);
    }
}

public sealed record WorklogRequest(string? Text, string? Method)
{
    public (string Text, WorkMethod Method) Parse()
    {
        var errors = new RequestErrors();
        var text = errors.Required("text", Text, Limits.Note);
        var method = errors.Enum<WorkMethod>("method", Method);
        errors.ThrowIfInvalid();
        return (text, method!.Value);
    }
}

/// <summary>A public progress update (<c>update</c>) or a comment: one message.</summary>
public sealed record MessageRequest(string? Message)
{
    public string Parse()
    {
        var errors = new RequestErrors();
        var message = errors.Required("message", Message, Limits.Note);
        errors.ThrowIfInvalid();
        return message;
    }
}

public sealed record PendRequest(string? Reason, string? Note)
{
    public (PendingReason Reason, string? Note) Parse()
    {
        var errors = new RequestErrors();
        var reason = errors.Enum<PendingReason>("reason", Reason);
        var note = errors.Optional("note", Note, Limits.Reason);
        errors.ThrowIfInvalid();
        return (reason!.Value, note);
    }
}

public sealed record ResolveRequest(string? Solution, string? Cause, string? Workaround, string? Verification, string? Backup)
{
    public (string Solution, string? Cause, string? Workaround, Verification? Verification, string? Backup) Parse()
    {
        var errors = new RequestErrors();
        var solution = errors.Required("solution", Solution, Limits.Note);
        var cause = errors.Optional("cause", Cause, Limits.Note);
        var workaround = errors.Optional("workaround", Workaround, Limits.Note);
        var verification = errors.Enum<Verification>("verification", Verification, required: false);
        var backup = errors.Optional("backup", Backup, Limits.Note);
        errors.ThrowIfInvalid();
        return (solution, cause, workaround, verification, backup);
    }
}

public sealed record ConfirmRequest(bool? Resolved, string? Comment, int? Rating)
{
    public (bool Resolved, string? Comment, int? Rating) Parse()
    {
        var errors = new RequestErrors();
        if (Resolved is null)
        {
            errors.Add("resolved", "resolved is required: true when the problem is solved, false to reopen it.");
        }

        var comment = errors.Optional("comment", Comment, Limits.Note);
        var rating = errors.Range("rating", Rating, 1, 5);
        errors.ThrowIfInvalid();
        return (Resolved!.Value, comment, rating);
    }
}

public sealed record CloseRequest(string? Cause, string? Solution)
{
    public (string Cause, string Solution) Parse()
    {
        var errors = new RequestErrors();
        var cause = errors.Required("cause", Cause, Limits.Note);
        var solution = errors.Required("solution", Solution, Limits.Note);
        errors.ThrowIfInvalid();
        return (cause, solution);
    }
}

/// <summary>The reason of a reopen or a cancellation.</summary>
public sealed record ReasonRequest(string? Reason)
{
    public string Parse()
    {
        var errors = new RequestErrors();
        var reason = errors.Required("reason", Reason, Limits.Reason);
        errors.ThrowIfInvalid();
        return reason;
    }
}
