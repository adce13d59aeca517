using System.Globalization;
using SupportFlow.Localization;

namespace SupportFlow.Sla;

/// <summary>The targets' wire names and the warning / breach / escalation events each one raises.</summary>
public static class SlaTargets
{
    public const string FirstResponse = "firstResponse";
    public const string Assignment = "assignment";
    public const string Update = "update";
    public const string Resolution = "resolution";
    public const string Warning = "warning";
    public const string Breach = "breach";

    /// <summary>An escalation level's event is <c>escalation:NAME</c>.</summary>
    public const string EscalationPrefix = "escalation:";

    public static string EscalationLevel(string name) => EscalationPrefix + name;

    /// <summary>The level name of an <c>escalation:NAME</c> event; null for a warning or breach.</summary>
    public static string? EscalationName(string? level) =>
        level is not null && level.StartsWith(EscalationPrefix, StringComparison.Ordinal) ? level[EscalationPrefix.Length..] : null;

    public static IEnumerable<(string Target, SlaTargetState State)> Named(SlaStatus status) =>
    [
        (FirstResponse, status.FirstResponse), (Assignment, status.Assignment), (Update, status.Update), (Resolution, status.Resolution),
    ];

    /// <summary>
    /// The events a target owes at its current due time: a warning at 80% (unless already met), the
    /// breach at the due time (also when it was met late), and each escalation level after it.
    /// </summary>
    public static IEnumerable<(string Level, DateTimeOffset DueAt, DateTimeOffset At)> Events(
        SlaTargetState state, IReadOnlyList<SlaEscalation> escalations)
    {
        if (state.DueAt is not { } due)
        {
            yield break;
        }

        if (state.IsMet)
        {
            if (state.Breached)
            {
                yield return (Breach, due, due);
            }

            yield break;
        }

        if (state.WarnAt is { } warn)
        {
            yield return (Warning, due, warn);
        }

        yield return (Breach, due, due);
        foreach (var escalation in escalations)
        {
            yield return (EscalationLevel(escalation.Name), due, due + escalation.AfterBreach);
        }
    }

    public static LocalizedMessage Describe(string target, string level, DateTimeOffset dueAt)
    {
        var due = dueAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
        return level switch
        {
            Warning => new LocalizedMessage("SLA warning: {0} is 80% elapsed, due {1}.", Word(target), due),
            Breach => new LocalizedMessage("SLA breached: {0} was due {1}.", Word(target), due),
            _ => new LocalizedMessage("SLA escalation {0}: {1} was due {2}.", EscalationName(level), Word(target), due),
        };
    }

    /// <summary>A target named in a sentence: key <c>SlaTarget:resolution</c>, whose English text is the wire name.</summary>
    public static LocalizedMessage Word(string target) => new("SlaTarget:" + target);
}
