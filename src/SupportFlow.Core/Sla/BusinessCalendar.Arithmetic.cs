using System.Collections.Concurrent;

namespace SupportFlow.Sla;

/// <summary>
/// Business-time arithmetic. It walks working intervals a day at a time, never minute by minute.
/// Results are in UTC (offset zero); inputs may carry any offset.
/// </summary>
public sealed partial class BusinessCalendar
{
    // Zone conversions dominate the cost; a calendar is immutable, so a date's intervals never change.
    private const int MaxCachedDays = 20_000;
    private readonly ConcurrentDictionary<int, TimeWindow[]> _windowCache = new();

    /// <summary>The organisation's calendar date of an instant.</summary>
    public DateOnly LocalDateOf(DateTimeOffset instant) => ZoneTime.LocalDateOf(TimeZone, instant);

    /// <summary>
    /// The date's working intervals as instants. Across a clock change each interval runs from the
    /// first moment the wall clock shows its start to the first moment it shows its end, so a
    /// 09:00-18:00 day is 9 real hours even on the day the clocks change (at night).
    /// </summary>
    public IReadOnlyList<TimeWindow> WorkingIntervalsOn(DateOnly date) => [.. WindowsOn(date)];

    /// <summary>
    /// The instant at which <paramref name="duration"/> of business time has passed since
    /// <paramref name="start"/>. When the last of it ends an interval exactly, the answer is that
    /// interval's end (Friday 18:00), not the start of the next one (Monday 09:00).
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var remaining = duration;
        for (var date = LocalDateOf(start); ; date = date.AddDays(1))
        {
            foreach (var window in WindowsOn(date))
            {
                if (window.End <= start)
                {
                    continue;
                }

                var from = window.Start > start ? window.Start : start;
                var available = window.End - from;
                if (remaining <= available)
                {
                    return (from + remaining).ToUniversalTime();
                }

                remaining -= available;
            }

            EnsureWorkingTimeAfter(date);
        }
    }

    /// <summary>Business time in [from, to); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        var last = LocalDateOf(to);
        for (var date = LocalDateOf(from); date <= last; date = date.AddDays(1))
        {
            foreach (var window in WindowsOn(date))
            {
                var overlap = (window.End < to ? window.End : to) - (window.Start > from ? window.Start : from);
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// <paramref name="days"/> full working days of business hours from <paramref name="start"/>
    /// (SPEC: 1 business day from Friday 17:30 is Monday 17:30). Precisely: a start inside a working
    /// day is a position on it, the business time already worked that day (Friday 17:30 is 8.5 h
    /// in); the answer is the same position on the Nth following working day, or that day's close
    /// when it is shorter than the position. A start before the day's first interval, or on a
    /// non-working day, or after the close counts from the start of the next working day, which
    /// is the close of the (N-1)th following one: Monday 08:00 + 1 = Monday 18:00, not Tuesday 09:00
    /// (the same business instant, reported as the earlier one). Days with equal hours therefore
    /// give the same time of day; a start in a lunch break counts as the end of the morning.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return start.ToUniversalTime();
        }

        var date = LocalDateOf(start);
        var position = WorkedBefore(date, start, out var dayLength);
        if (position == TimeSpan.Zero || position == dayLength)
        {
            // Counting from an opening: the answer is a close, (N-1) working days on.
            var closing = position == TimeSpan.Zero && dayLength > TimeSpan.Zero ? date : NextWorkingDay(date);
            for (var i = 1; i < days; i++)
            {
                closing = NextWorkingDay(closing);
            }

            return PositionOn(closing, TimeSpan.MaxValue);
        }

        var target = date;
        for (var i = 0; i < days; i++)
        {
            target = NextWorkingDay(target);
        }

        return PositionOn(target, position);
    }

    /// <summary>The date's working intervals as instants, empty ones (swallowed by a clock change) left out.</summary>
    private TimeWindow[] WindowsOn(DateOnly date)
    {
        if (_windowCache.TryGetValue(date.DayNumber, out var cached))
        {
            return cached;
        }

        if (_windowCache.Count >= MaxCachedDays)
        {
            _windowCache.Clear();
        }

        return _windowCache.GetOrAdd(date.DayNumber, ComputeWindows(date));
    }

    private TimeWindow[] ComputeWindows(DateOnly date)
    {
        var hours = LocalHoursOn(date);
        if (hours.Length == 0)
        {
            return [];
        }

        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var windows = new List<TimeWindow>(hours.Length);
        foreach (var span in hours)
        {
            var window = new TimeWindow(
                ZoneTime.FirstInstantAt(TimeZone, midnight + span.Start.ToTimeSpan()),
                ZoneTime.FirstInstantAt(TimeZone, midnight + span.EndOfDayOffset));
            if (window.End > window.Start)
            {
                windows.Add(window);
            }
        }

        return [.. windows];
    }

    /// <summary>Business time on <paramref name="date"/> before <paramref name="instant"/>, and the day's total.</summary>
    private TimeSpan WorkedBefore(DateOnly date, DateTimeOffset instant, out TimeSpan dayLength)
    {
        var worked = TimeSpan.Zero;
        dayLength = TimeSpan.Zero;
        foreach (var window in WindowsOn(date))
        {
            dayLength += window.Duration;
            if (instant >= window.End)
            {
                worked += window.Duration;
            }
            else if (instant > window.Start)
            {
                worked += instant - window.Start;
            }
        }

        return worked;
    }

    /// <summary>The first instant at which <paramref name="position"/> of the day's business time has passed, or its close.</summary>
    private DateTimeOffset PositionOn(DateOnly date, TimeSpan position)
    {
        var windows = WindowsOn(date);
        foreach (var window in windows)
        {
            if (position <= window.Duration)
            {
                return window.Start + position;
            }

            position -= window.Duration;
        }

        return windows[^1].End;
    }

    /// <summary>The next date after <paramref name="date"/> with some working time (a clock change can swallow a night shift).</summary>
    private DateOnly NextWorkingDay(DateOnly date)
    {
        do
        {
            EnsureWorkingTimeAfter(date);
            date = date.AddDays(1);
        }
        while (WindowsOn(date).Length == 0);

        return date;
    }

    private void EnsureWorkingTimeAfter(DateOnly date)
    {
        if (!_hasWeeklyHours && date >= _lastMakeUpDay)
        {
            throw new InvalidOperationException($"The business calendar has no working time after {date:yyyy-MM-dd}.");
        }
    }
}
