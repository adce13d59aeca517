using System.Globalization;
using SupportFlow.Common;

namespace SupportFlow.Server.Reviews;

// Request bodies of the review API; each Parse checks every field and reports all bad ones at once.

/// <summary>A supervisor asks for a review of any tickets.</summary>
public sealed record RequestReviewRequest(string[]? Tickets, string? Title, string? Reason)
{
    public (string[] Tickets, string? Title, string Reason) Parse()
    {
        var errors = new RequestErrors();
        var tickets = (Tickets ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (tickets.Length == 0)
        {
            errors.Add("tickets", "tickets is required: the numbers of the tickets to review.");
        }

        var title = errors.Optional("title", Title, Limits.Title);
        var reason = errors.Required("reason", Reason, Limits.Reason);
        errors.ThrowIfInvalid();
        return (tickets, title, reason);
    }
}

/// <summary>Changes to a review; fields left out stay as they are. The meeting is its time and participants together.</summary>
public sealed record UpdateReviewRequest(string? Title, string? MeetingAt, string[]? Participants, string? RootCause, string? Category)
{
    public sealed record Parsed(string? Title, DateTimeOffset? MeetingAt, string[]? Participants, string? RootCause, string? Category);

    public Parsed Parse()
    {
        var errors = new RequestErrors();
        var title = Title is null ? null : errors.Required("title", Title, Limits.Title);
        var meetingAt = errors.Time("meetingAt", MeetingAt, required: false);
        string[]? participants = null;
        if (Participants is not null)
        {
            participants = [.. Participants.Select((p, i) => errors.Optional($"participants[{i}]", p, Limits.Name))
                .OfType<string>().Distinct(StringComparer.Ordinal)];
            if (participants.Length == 0)
            {
                errors.Add("participants", "participants lists who took part in the meeting: at least one name.");
            }
        }

        if ((meetingAt is null) != (participants is null) && errors.IsValid)
        {
            errors.Add(meetingAt is null ? "meetingAt" : "participants",
                "A meeting is recorded with its time (meetingAt) and its participants together.");
        }

        var rootCause = RootCause is null ? null : errors.Required("rootCause", RootCause, Limits.Note);
        var category = Category is null ? null : errors.Required("category", Category, Limits.Name);
        if ((rootCause is null) != (category is null) && errors.IsValid)
        {
            errors.Add(rootCause is null ? "rootCause" : "category",
                "The root cause is recorded with its category (rootCause and category together).");
        }

        errors.ThrowIfInvalid();
        return new Parsed(title, meetingAt, participants, rootCause, category);
    }
}

public sealed record LinkTicketRequest(string? Number)
{
    public string Parse()
    {
        var errors = new RequestErrors();
        var number = errors.Required("number", Number, 20);
        errors.ThrowIfInvalid();
        return number;
    }
}

public sealed record AddActionRequest(string? Description, string? Owner, string? DueDate)
{
    public (string Description, string Owner, DateOnly DueDate) Parse()
    {
        var errors = new RequestErrors();
        var description = errors.Required("description", Description, Limits.Reason);
        var owner = errors.Required("owner", Owner, Limits.Login).ToLowerInvariant();
        var dueDate = ParseDate(errors, "dueDate", DueDate);
        errors.ThrowIfInvalid();
        return (description, owner, dueDate!.Value);
    }

    internal static DateOnly? ParseDate(RequestErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "{0} is required: a date, e.g. 2026-06-30.", field);
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "'{0}' is not a date: use YYYY-MM-DD, e.g. 2026-06-30.", value);
            return null;
        }

        return date;
    }
}

/// <summary>Marking an action done (note optional) or accepting it (note required: why it is acceptable as it stands).</summary>
public sealed record ActionNoteRequest(string? Note)
{
    public string? Parse(bool required)
    {
        var errors = new RequestErrors();
        var note = required ? errors.Required("note", Note, Limits.Reason) : errors.Optional("note", Note, Limits.Reason);
        errors.ThrowIfInvalid();
        return note;
    }
}

public sealed record CauseCategoryRequest(string? Key, string? NameEn, string? NameZh, bool? Active);
