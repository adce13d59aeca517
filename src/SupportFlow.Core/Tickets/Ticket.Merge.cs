using SupportFlow.Common;
using SupportFlow.Localization;
using SupportFlow.Users;

namespace SupportFlow.Tickets;

// Merging a duplicate: the duplicate is cancelled with a public pointer to the surviving ticket, and its
// whole history (reporter included) is appended to the survivor's as internal lines: the survivor's
// reporter is another person, who must not read the duplicate reporter's words or contact details.
// Nothing is rewritten.
public sealed partial class Ticket
{
    /// <summary>
    /// Merges this ticket (the duplicate) into <paramref name="survivor"/>. <paramref name="history"/>
    /// is this ticket's stored history; each line is carried over as a new internal line of the survivor
    /// (staff see everything; the survivor's reporter sees none of it). This ticket's own reporter keeps
    /// their ticket, cancelled with a public reason naming the survivor.
    /// </summary>
    public void MergeInto(Ticket survivor, IReadOnlyList<TicketHistoryEntry> history, Actor actor, DateTimeOffset at)
    {
        if (survivor.Id == Id)
        {
            throw new DomainException("Ticket {0} cannot be merged into itself.", Number);
        }

        if (!TicketTransitions.IsOpen(survivor.Status))
        {
            throw new DomainException(
                "Ticket {0} is {1}: a duplicate is merged into an open ticket.", survivor.Number, LocalizedMessage.Wire(survivor.Status));
        }

        Cancel(actor, at, $"Duplicate of {survivor.Number}: merged into it.");
        // The stored lines, then those appended here (the cancellation), each once even when the history is loaded.
        foreach (var line in history.OrderBy(h => h.Id).Concat(_history.Except(history)).ToList())
        {
            survivor._history.Add(TicketHistoryEntry.CarriedOver(line, Number));
        }

        var reporter = string.Join(", ", new[] { Reporter.Name, Reporter.Department, Reporter.Phone, Reporter.Email }.OfType<string>());
        survivor.Append(at, actor, HistoryAction.Merge, HistoryField.MergedFrom, null, Number,
            new LocalizedMessage("Duplicate {0} merged in: \"{1}\", also reported by {2}.", Number, Title, reporter), isPublic: false);
        survivor.Touch(at);
    }

    /// <summary>A link to another ticket was made (duplicateOf, related, causedBy, or their inverse).</summary>
    public void RecordLink(Actor actor, DateTimeOffset at, string kind, string otherNumber) =>
        Append(at, actor, HistoryAction.Link, kind, null, otherNumber, null, isPublic: false);
}
