using SupportFlow.Common;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Notifications;

/// <summary>
/// SPEC's "what is sent, to whom", read off the history lines a change appended: the history
/// already says exactly what happened, so the ticket needs no separate event list.
/// </summary>
public static class NoticeRules
{
    public static IReadOnlyList<Notice> From(Ticket ticket, IEnumerable<TicketHistoryEntry> lines)
    {
        var notices = new List<Notice>();
        foreach (var line in lines)
        {
            notices.AddRange(For(ticket, line));
        }

        // One of each (event, audience) per change: a reassignment writes team and assignee lines.
        return [.. notices.DistinctBy(n => (n.Event, n.Audience, n.Vendor?.Email))];
    }

    private static IEnumerable<Notice> For(Ticket ticket, TicketHistoryEntry line)
    {
        var actor = line.ActorId;
        var byReporter = ByReporter(ticket, line);
        switch (line.Action, line.Field, line.NewValue)
        {
            case (HistoryAction.Create, null, _):
                yield return new(NotificationEvent.Received, Audience.Reporter, actor);
                if (ticket.TeamId is not null)
                {
                    yield return new(ticket.Priority == Priority.P1 ? NotificationEvent.P1Opened : NotificationEvent.NewTicket,
                        Audience.TeamChat, actor);
                }

                if (ticket.Priority is Priority.P1 or Priority.P2)
                {
                    yield return new(NotificationEvent.NewUrgent, Audience.Supervisors, actor);
                }

                break;
            case (not HistoryAction.Create, HistoryField.Team, { } team) when line.OldValue != team:
                // A ticket moved into a team (out of the service desk queue, or from another team) is new to that
                // team; the server sends it only when the team's chat has not yet heard of this ticket.
                yield return new(ticket.Priority == Priority.P1 ? NotificationEvent.P1Opened : NotificationEvent.NewTicket,
                    Audience.TeamChat, actor, line.Written, NewToTeam: true);
                break;
            case (HistoryAction.Triage, HistoryField.Priority, { } raised)
                when line.OldValue != raised && WireNames.TryParse<Priority>(raised, out var priority) && priority is Priority.P1 or Priority.P2:
                if (priority == Priority.P1 && ticket.TeamId is not null)
                {
                    yield return new(NotificationEvent.P1Opened, Audience.TeamChat, actor, line.Written);
                }

                yield return new(NotificationEvent.NewUrgent, Audience.Supervisors, actor, line.Written);
                break;
            case (_, HistoryField.Assignee, not null):
                yield return new(NotificationEvent.Assigned, Audience.Reporter, actor, line.Written);
                yield return new(NotificationEvent.AssignedToYou, Audience.Assignee, actor, line.Written);
                break;
            case (HistoryAction.Update, null, _):
                yield return new(NotificationEvent.PublicUpdate, Audience.Reporter, actor, line.Written);
                break;
            case (HistoryAction.Pend, HistoryField.PendingReason, { } reason) when Is(reason, PendingReason.Reporter):
                yield return new(NotificationEvent.PendingOnYou, Audience.Reporter, actor, line.Written);
                break;
            case (_, HistoryField.Status, { } status) when Is(status, TicketStatus.Resolved):
                yield return new(NotificationEvent.Resolved, Audience.Reporter, actor);
                break;
            case (_, HistoryField.Status, { } status) when Is(status, TicketStatus.Closed):
                yield return new(NotificationEvent.Closed, Audience.Reporter, actor);
                break;
            case (HistoryAction.Comment, null, _) when byReporter:
                yield return new(NotificationEvent.ReporterReplied, Audience.Assignee, actor, line.Written);
                break;
            case (HistoryAction.Confirm, HistoryField.Confirmation, HistoryField.Confirmed.NotResolved):
            case (HistoryAction.Reopen, null, _) when byReporter:
                yield return new(NotificationEvent.ConfirmationRejected, Audience.Assignee, actor, line.Written);
                yield return new(NotificationEvent.ConfirmationRejected, Audience.Supervisors, actor, line.Written);
                break;
            case (HistoryAction.Vendor, HistoryField.VendorContact, { } added)
                when ticket.VendorContacts.FirstOrDefault(v => Ticket.Describe(v.Contact) == added) is { } vendor:
                yield return new(NotificationEvent.VendorInvolved, Audience.Vendor, actor, line.Written, vendor.Contact);
                break;
            case (HistoryAction.Sla, { } target, SlaTargets.Warning):
                yield return new(NotificationEvent.SlaWarning, ticket.AssigneeId is null ? Audience.Supervisors : Audience.Assignee,
                    null, line.Written ?? target);
                break;
            case (HistoryAction.Sla, { } target, SlaTargets.Breach):
                yield return new(NotificationEvent.SlaBreach, Audience.Supervisors, null, line.Written ?? target);
                if (ticket.TeamId is not null)
                {
                    yield return new(NotificationEvent.SlaBreach, Audience.TeamChat, null, line.Written ?? target);
                }

                break;
        }
    }

    private static bool Is<T>(string wire, T value) where T : struct, Enum =>
        WireNames.TryParse<T>(wire, out var parsed) && parsed.Equals(value);

    /// <summary>
    /// The reporter's own line: by their account, or, for a reporter without one (mail, the public
    /// form), by the address they wrote from, which mail and chat intake record as the actor's login.
    /// </summary>
    private static bool ByReporter(Ticket ticket, TicketHistoryEntry line) =>
        line.ActorId is { } id
            ? id == ticket.Reporter.UserId
            : ticket.Reporter.UserId is null && ticket.Reporter.Email is { } email
              && string.Equals(line.ActorLogin, email, StringComparison.OrdinalIgnoreCase);
}
