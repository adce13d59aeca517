using SupportFlow.Users;

namespace SupportFlow.Tickets;

// What reviews and the handbook add to a ticket's history: facts about the ticket, recorded the
// same append-only way as its own changes, without changing its status.
public sealed partial class Ticket
{
    /// <summary>A review now covers this ticket (opened for it, or the ticket was linked to one).</summary>
    public void RecordReview(Actor actor, DateTimeOffset at, Localization.LocalizedMessage note) =>
        Append(at, actor, HistoryAction.Review, null, null, null, note, isPublic: false);
}
