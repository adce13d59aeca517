using SupportFlow.Users;

namespace SupportFlow.Tickets;

// An imported ticket says so in its history, next to its reception: where it came from.
public sealed partial class Ticket
{
    /// <summary>The ticket was recorded from a file (another help desk, a spreadsheet), not reported live.</summary>
    public void RecordImport(Actor actor, DateTimeOffset at, Localization.LocalizedMessage note) =>
        Append(at, actor, HistoryAction.Imported, null, null, null, note, isPublic: false);
}
