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
            case ("create", null, _):
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
            case (not "create", "team", { } team) when line.OldValue != team:
                // A ticket moved into a team (out of the service desk queue, or from another team) is new to that
                // team; the server sends it only when the team's chat has not yet heard of this ticket.
                yield return new(ticket.Priority == Priority.P1 ? NotificationEvent.P1Opened : NotificationEvent.NewTicket,
                    Audience.TeamChat, actor, line.Note, NewToTeam: true);
                break;
            case ("triage", "priority", "P1" or "P2") when line.OldValue != line.NewValue:
                if (line.NewValue == "P1" && ticket.TeamId is not null)
                {
                    yield return new(NotificationEvent.P1Opened, Audience.TeamChat, actor, line.Note);
                }

                yield return new(NotificationEvent.NewUrgent, Audience.Supervisors, actor, line.Note);
                break;
            case (_, "assignee", not null):
                yield return new(NotificationEvent.Assigned, Audience.Reporter, actor, line.Note);
                yield return new(NotificationEvent.AssignedToYou, Audience.Assignee, actor, line.Note);
                break;
            case ("update", null, _):
                yield return new(NotificationEvent.PublicUpdate, Audience.Reporter, actor, line.Note);
                break;
            case ("pend", "pendingReason", "reporter"):
                yield return new(NotificationEvent.PendingOnYou, Audience.Reporter, actor, line.Note);
                break;
            case (_, "status", "resolved"):
                yield return new(NotificationEvent.Resolved, Audience.Reporter, actor);
                break;
            case (_, "status", "closed"):
                yield return new(NotificationEvent.Closed, Audience.Reporter, actor);
                break;
            case ("comment", null, _) when byReporter:
                yield return new(NotificationEvent.ReporterReplied, Audience.Assignee, actor, line.Note);
                break;
            case ("confirm", "confirmation", "notResolved"):
            case ("reopen", null, _) when byReporter:
                yield return new(NotificationEvent.ConfirmationRejected, Audience.Assignee, actor, line.Note);
                yield return new(NotificationEvent.ConfirmationRejected, Audience.Supervisors, actor, line.Note);
                break;
            case ("vendor", "vendorContact", { } added)
                when ticket.VendorContacts.FirstOrDefault(v => Ticket.Describe(v.Contact) == added) is { } vendor:
                yield return new(NotificationEvent.VendorInvolved, Audience.Vendor, actor, line.Note, vendor.Contact);
                break;
            case ("sla", { } target, "warning"):
                yield return new(NotificationEvent.SlaWarning, ticket.AssigneeId is null ? Audience.Supervisors : Audience.Assignee,
                    null, line.Note ?? target);
                break;
            case ("sla", { } target, "breach"):
                yield return new(NotificationEvent.SlaBreach, Audience.Supervisors, null, line.Note ?? target);
                if (ticket.TeamId is not null)
                {
                    yield return new(NotificationEvent.SlaBreach, Audience.TeamChat, null, line.Note ?? target);
                }

                break;
        }
    }

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
