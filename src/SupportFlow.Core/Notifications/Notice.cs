namespace SupportFlow.Notifications;

/// <summary>What a notification tells; each has a template per language.</summary>
public enum NotificationEvent
{
    /// <summary>Reporter: the report was received, with its number.</summary>
    Received,

    /// <summary>Reporter: "owner: X, first feedback expected within N".</summary>
    Assigned,

    /// <summary>Reporter: a public progress update.</summary>
    PublicUpdate,

    /// <summary>Reporter: the ticket waits on an answer from them.</summary>
    PendingOnYou,

    /// <summary>Reporter: resolved, please confirm (with a link).</summary>
    Resolved,

    /// <summary>Reporter: closed.</summary>
    Closed,

    /// <summary>Engineer: a ticket was assigned to them.</summary>
    AssignedToYou,

    /// <summary>Engineer: the reporter added information.</summary>
    ReporterReplied,

    /// <summary>Engineer and supervisors: the reporter said it is not solved.</summary>
    ConfirmationRejected,

    /// <summary>Engineer: an SLA target is 80% elapsed.</summary>
    SlaWarning,

    /// <summary>Supervisors: a new (or re-graded) P1 or P2 ticket.</summary>
    NewUrgent,

    /// <summary>Supervisors and the team chat: an SLA target was breached.</summary>
    SlaBreach,

    /// <summary>Team chat: a new ticket for the team.</summary>
    NewTicket,

    /// <summary>Team chat: a P1 was opened (instead of <see cref="NewTicket"/>).</summary>
    P1Opened,

    /// <summary>Vendor contact: involved in a ticket.</summary>
    VendorInvolved,

    /// <summary>An escalation level's target: the breach has lasted the level's time.</summary>
    SlaEscalation,
}

/// <summary>Who a notice is for; the server turns each audience into addresses.</summary>
public enum Audience
{
    Reporter,
    Assignee,
    Supervisors,
    TeamChat,

    /// <summary>One vendor contact, named by the notice (<see cref="Notice.Vendor"/>).</summary>
    Vendor,

    /// <summary>The members of the ticket's team.</summary>
    Team,

    /// <summary>One user, by the login of the notice's escalation target (<see cref="Notice.Escalation"/>).</summary>
    User,
}

/// <summary>
/// One notification due because of a change. <paramref name="ActorId"/> is who caused it: staff
/// are not told about their own actions. <paramref name="Detail"/> is the update text, pending
/// note or SLA target, as the template's <c>{message}</c>. <paramref name="Vendor"/> is the
/// contact an <see cref="Audience.Vendor"/> notice goes to. <paramref name="NewToTeam"/>: the ticket moved into its
/// current team, whose chat hears of it once (not again when it comes back after moving elsewhere).
/// <paramref name="Escalation"/>: the level an <see cref="NotificationEvent.SlaEscalation"/> notice is for.
/// </summary>
public sealed record Notice(NotificationEvent Event, Audience Audience, int? ActorId, Tickets.HistoryNote? Detail = null,
    Tickets.VendorContact? Vendor = null, bool NewToTeam = false, OwedEscalation? Escalation = null);
