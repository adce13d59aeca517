namespace SupportFlow.Sla;

/// <summary>
/// The SLA clocks of a ticket, computed from its facts and a given <c>now</c>; pure arithmetic.
/// A clock counts the target's own time (real or business) from its start, except while paused;
/// it falls due when the allowance is used up, so a pause moves the deadline later by exactly the
/// paused time as the target counts it, and a pause after the deadline changes nothing.
/// </summary>
public static class SlaClock
{
    /// <summary>
    /// First response and assignment run from receipt and never pause. Resolution runs from
    /// receipt and pauses while pending on the reporter and while resolved before a reopen. The
    /// update clock runs from the last public update (or receipt), pauses likewise, and stops
    /// (counts as met) when the ticket is resolved. Re-triage: pass the new priority's policy.
    /// </summary>
    public static SlaStatus Compute(SlaPolicy policy, BusinessCalendar calendar, SlaTimeline timeline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(timeline);
        if (timeline.Resolutions.Take(timeline.Resolutions.Count - 1).Any(r => r.IsOpen))
        {
            throw new ArgumentException("Only the last resolution may be open: a ticket is reopened before it is resolved again.", nameof(timeline));
        }

        var received = timeline.ReceivedAt;
        var resolvedAt = timeline.ResolvedAt;
        var stopped = timeline.PendingOnReporter.Concat(timeline.Resolutions.Where(r => !r.IsOpen)).ToList();
        var updateStart = timeline.LastPublicUpdateAt > received ? timeline.LastPublicUpdateAt.Value : received;

        return new SlaStatus(
            Evaluate(policy.FirstResponse, calendar, received, timeline.FirstPublicResponseAt, [], now),
            Evaluate(policy.Assignment, calendar, received, timeline.FirstAssignedAt, [], now),
            Evaluate(policy.Update, calendar, updateStart, resolvedAt, stopped, now),
            Evaluate(policy.Resolution, calendar, received, resolvedAt, stopped, now));
    }

    /// <summary>
    /// One clock started at <paramref name="start"/>, met at <paramref name="metAt"/> (if so), paused
    /// over <paramref name="pauses"/> (clipped to the clock's run; open = paused now). Warns at 80%
    /// of the allowance; breached when met after the due time, or unmet and <paramref name="now"/>
    /// is past it. Exactly at the due time is not yet a breach; exactly at 80% is at risk.
    /// </summary>
    public static SlaTargetState Evaluate(
        SlaTarget target, BusinessCalendar calendar, DateTimeOffset start, DateTimeOffset? metAt,
        IEnumerable<ClockInterval> pauses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (target.IsNone)
        {
            return SlaTargetState.NotApplicable;
        }

        var effective = Effective(pauses, start, metAt);
        var allowance = target.AllowanceFrom(start, calendar);
        var (dueAt, pausedTime) = Walk(target, calendar, start, allowance, effective, now);
        var (warnAt, _) = Walk(target, calendar, start, TimeSpan.FromTicks(allowance.Ticks * 4 / 5), effective, now);

        var met = metAt is not null;
        var breached = met ? metAt > dueAt : now > dueAt;
        var atRisk = !met && now >= warnAt;
        var isPaused = !met && effective.Count > 0 && effective[^1].IsOpen;
        return new SlaTargetState(target, dueAt, warnAt, metAt?.ToUniversalTime(), breached, atRisk, isPaused, pausedTime);
    }

    /// <summary>
    /// Counts <paramref name="allowance"/> from <paramref name="start"/>, skipping pauses. Null
    /// when a pause still going on is reached with allowance left. Also the paused time skipped.
    /// </summary>
    private static (DateTimeOffset? At, TimeSpan Paused) Walk(
        SlaTarget target, BusinessCalendar calendar, DateTimeOffset start, TimeSpan allowance,
        List<ClockInterval> pauses, DateTimeOffset now)
    {
        var cursor = start;
        var remaining = allowance;
        var paused = TimeSpan.Zero;
        foreach (var pause in pauses)
        {
            var active = target.Measure(cursor, pause.From, calendar);
            if (active >= remaining)
            {
                return (target.Advance(cursor, remaining, calendar), paused);
            }

            remaining -= active;
            if (pause.To is not { } resumed)
            {
                return (null, paused + target.Measure(pause.From, now, calendar));
            }

            paused += target.Measure(pause.From, resumed, calendar);
            cursor = resumed;
        }

        return (target.Advance(cursor, remaining, calendar), paused);
    }

    /// <summary>Pauses within the clock's run (from its start to when it was met), sorted and merged.</summary>
    private static List<ClockInterval> Effective(IEnumerable<ClockInterval> pauses, DateTimeOffset start, DateTimeOffset? metAt)
    {
        var result = new List<ClockInterval>();
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            var from = pause.From > start ? pause.From : start;
            var to = pause.To;
            if (metAt is { } met)
            {
                if (from >= met)
                {
                    continue;
                }

                to = to is null || to > met ? met : to;
            }

            if (to <= from)
            {
                continue;
            }

            if (result.Count > 0 && (result[^1].To is not { } lastTo || lastTo >= from))
            {
                var last = result[^1];
                result[^1] = new ClockInterval(last.From, last.To is null || to is null ? null : (last.To > to ? last.To : to));
                continue;
            }

            result.Add(new ClockInterval(from, to));
        }

        return result;
    }
}
