using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Notifications;

/// <summary>A level that fell due for a ticket and has not reached its target yet.</summary>
public sealed record OwedEscalation(SlaEscalation Level, string Target, DateTimeOffset DueAt)
{
    /// <summary>How long the target had been breached when the level fell due.</summary>
    public TimeSpan BreachedFor(DateTimeOffset now) => now > DueAt ? now - DueAt : TimeSpan.Zero;
}

/// <summary>
/// Which escalation levels a change owes a notice: each level once per ticket. The SLA events are
/// per target and due time, so a level's event can recur (a second target breaches, re-triage moves
/// a due time); the notice goes with the first and never again.
/// </summary>
public static class EscalationRules
{
    /// <summary>
    /// The levels whose escalation line is among <paramref name="lines"/>, are still configured and
    /// are not in <paramref name="notified"/> (level names already sent for this ticket), in the
    /// levels' order; one each.
    /// </summary>
    public static IReadOnlyList<OwedEscalation> Owed(Ticket ticket, IEnumerable<TicketHistoryEntry> lines,
        IReadOnlyList<SlaEscalation> levels, IReadOnlyCollection<string> notified)
    {
        var candidates = new List<OwedEscalation>();
        foreach (var line in lines)
        {
            if (line.Action != HistoryAction.Sla || line.Field is not { } target || SlaTargets.EscalationName(line.NewValue) is not { } name
                || notified.Contains(name) || levels.FirstOrDefault(l => l.Name == name) is not { } level)
            {
                continue;
            }

            var dueAt = ticket.SlaEvents.Where(e => e.Target == target && e.Level == line.NewValue).Max(e => (DateTimeOffset?)e.DueAt);
            candidates.Add(new OwedEscalation(level, target, dueAt ?? line.At - level.AfterBreach));
        }

        // Several targets reaching a level in one change: the notice names the one breached longest.
        return [.. candidates.GroupBy(c => c.Level.Name).Select(g => g.MinBy(c => c.DueAt)!).OrderBy(o => o.Level.AfterBreach)];
    }

    /// <summary>The notice each owed level sends: to its target's audience.</summary>
    public static IEnumerable<Notice> Notices(IEnumerable<OwedEscalation> owed) =>
        owed.Select(o => new Notice(NotificationEvent.SlaEscalation, AudienceOf(o.Level.Notify), null, o.Target, Escalation: o));

    private static Audience AudienceOf(EscalationTarget target) => target.Kind switch
    {
        EscalationTargetKind.Supervisors => Audience.Supervisors,
        EscalationTargetKind.Team => Audience.Team,
        EscalationTargetKind.User => Audience.User,
        EscalationTargetKind.Chat => Audience.TeamChat,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, null),
    };
}
