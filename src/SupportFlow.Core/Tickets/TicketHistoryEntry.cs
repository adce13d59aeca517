namespace SupportFlow.Tickets;

/// <summary>
/// One line of a ticket's append-only history: a field that changed (old and new value), a
/// note, or an event, with who did it and when. Never updated or deleted once written.
/// </summary>
public sealed class TicketHistoryEntry
{
    private TicketHistoryEntry()
    {
    }

    internal TicketHistoryEntry(
        DateTimeOffset at, Users.Actor actor, string action, string? field, string? oldValue, string? newValue,
        HistoryNote? note, bool isPublic, bool onBehalfOfReporter = false)
    {
        At = at;
        ActorId = actor.UserId;
        ActorLogin = actor.Login;
        ActorName = actor.Name;
        Action = action;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        Note = note?.English;
        NoteMessage = note?.Message is { } message ? Localization.StoredMessage.Write(message) : null;
        IsPublic = isPublic;
        OnBehalfOfReporter = onBehalfOfReporter;
    }

    /// <summary>A delivery of a notification (sent or failed), written by the delivery worker beside the ticket's own lines.</summary>
    public static TicketHistoryEntry Delivery(long ticketId, DateTimeOffset at, string channel, string outcome, Localization.LocalizedMessage note) =>
        new(at, Users.Actor.System, HistoryAction.Notify, channel, null, outcome, note, isPublic: false) { TicketId = ticketId };

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Null for the system's own actions (auto-close, SLA events).</summary>
    public int? ActorId { get; private set; }

    /// <summary>Login and name as they were then: history must read the same after a rename.</summary>
    public string ActorLogin { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    /// <summary>The action that caused this line: created, triage, assign, worklog, resolve, ...</summary>
    public string Action { get; private set; } = "";

    /// <summary>The ticket field that changed, or null for a note or event.</summary>
    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    /// <summary>Free text of a worklog, update, comment or reason; a sentence the system wrote, in English.</summary>
    public string? Note { get; private set; }

    /// <summary>
    /// A sentence the system wrote (routing, SLA, auto-close, merge...), as its catalogue message
    /// (<see cref="Localization.StoredMessage"/>), so each reader gets it in their language; null for typed text.
    /// </summary>
    public string? NoteMessage { get; private set; }

    /// <summary>The note to show: typed text as typed, a system sentence in the reader's language.</summary>
    public HistoryNote? Written => HistoryNote.Stored(Note, NoteMessage);

    /// <summary>How a worklog step was done (remote, on site, by phone); null for other lines.</summary>
    public WorkMethod? Method { get; init; }

    /// <summary>Public lines are shown to the reporter; internal ones (work notes) only to staff.</summary>
    public bool IsPublic { get; private set; }

    /// <summary>A supervisor acted for the reporter (a confirmation given on their behalf).</summary>
    public bool OnBehalfOfReporter { get; private set; }

    /// <summary>The duplicate this line was carried over from when it was merged in; null for the ticket's own lines.</summary>
    public string? MergedFrom { get; private set; }

    /// <summary>
    /// A copy of a merged duplicate's line, as it was (time, actor, change), marked with where it came from.
    /// Always internal: on the survivor it is another reporter's ticket, for staff only.
    /// </summary>
    internal static TicketHistoryEntry CarriedOver(TicketHistoryEntry line, string fromNumber) => new()
    {
        At = line.At,
        ActorId = line.ActorId,
        ActorLogin = line.ActorLogin,
        ActorName = line.ActorName,
        Action = line.Action,
        Field = line.Field,
        OldValue = line.OldValue,
        NewValue = line.NewValue,
        Note = line.Note,
        NoteMessage = line.NoteMessage,
        Method = line.Method,
        IsPublic = false,
        OnBehalfOfReporter = line.OnBehalfOfReporter,
        MergedFrom = fromNumber,
    };
}
