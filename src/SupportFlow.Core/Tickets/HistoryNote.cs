using System.Globalization;
using SupportFlow.Localization;

namespace SupportFlow.Tickets;

/// <summary>
/// The note of a history line: text a person typed (kept as typed), or a sentence the system
/// wrote (a catalogue message, put into words in each reader's language). Either converts
/// implicitly, so a domain method takes a reason from a form and a reason of its own alike.
/// </summary>
public sealed record HistoryNote
{
    private HistoryNote(string? text, LocalizedMessage? message)
    {
        Text = text;
        Message = message;
    }

    /// <summary>Typed by a person; null for a system sentence.</summary>
    public string? Text { get; }

    /// <summary>Written by the system; null for typed text.</summary>
    public LocalizedMessage? Message { get; }

    /// <summary>As stored in the note column: the typed text, or the sentence in English (search, logs, archives).</summary>
    public string English => Text ?? Message!.ToString();

    public string In(CultureInfo culture) => Text ?? Message!.In(culture);

    /// <summary>A note as the database holds it (<see cref="TicketHistoryEntry.Note"/> and its stored message).</summary>
    public static HistoryNote? Stored(string? note, string? message) =>
        StoredMessage.Read(message) is { } written ? new(null, written) : note is null ? null : new(note, null);

    public static implicit operator HistoryNote?(string? text) => text is null ? null : new(text, null);

    public static implicit operator HistoryNote?(LocalizedMessage? message) => message is null ? null : new(null, message);

    public override string ToString() => English;
}
