using System.Collections.Frozen;

namespace SupportFlow.Sla;

/// <summary>
/// When the organisation works, in its own time zone: hours per weekday (none, one or several
/// intervals), holidays without working hours, and make-up working days (调休) that work
/// although they fall on a weekend. Immutable: the <c>With...</c> methods return a changed copy.
/// </summary>
public sealed partial class BusinessCalendar
{
    private static readonly WorkingHours[] NoHours = [];

    // Indexed by DayOfWeek (Sunday = 0).
    private readonly WorkingHours[][] _weekly;
    private readonly WorkingHours[]? _makeUpHours;
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _makeUpDays;

    // Without weekly hours only make-up days work: walking past the last one would never end.
    private readonly bool _hasWeeklyHours;
    private readonly DateOnly _lastMakeUpDay;

    /// <summary>A calendar in <paramref name="timeZone"/> with no working hours yet.</summary>
    public BusinessCalendar(TimeZoneInfo timeZone)
        : this(timeZone, [.. Enumerable.Repeat(NoHours, 7)], null, FrozenSet<DateOnly>.Empty, FrozenSet<DateOnly>.Empty)
    {
    }

    private BusinessCalendar(
        TimeZoneInfo timeZone, WorkingHours[][] weekly, WorkingHours[]? makeUpHours,
        FrozenSet<DateOnly> holidays, FrozenSet<DateOnly> makeUpDays)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var clash = holidays.Intersect(makeUpDays).Order().ToList();
        if (clash.Count > 0)
        {
            throw new ArgumentException($"A date cannot be both a holiday and a make-up working day: {string.Join(", ", clash)}.");
        }

        TimeZone = timeZone;
        _weekly = weekly;
        _makeUpHours = makeUpHours;
        _holidays = holidays;
        _makeUpDays = makeUpDays;
        _hasWeeklyHours = weekly.Any(hours => hours.Length > 0);
        _lastMakeUpDay = makeUpDays.Count > 0 ? makeUpDays.Max() : DateOnly.MinValue;
    }

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlySet<DateOnly> Holidays => _holidays;

    public IReadOnlySet<DateOnly> MakeUpWorkingDays => _makeUpDays;

    /// <summary>Hours of a make-up working day: unless set, the Monday hours.</summary>
    public IReadOnlyList<WorkingHours> MakeUpDayHours => _makeUpHours ?? _weekly[(int)DayOfWeek.Monday];

    /// <summary>Mon-Fri 09:00-18:00, no holidays, in <paramref name="zone"/>.</summary>
    public static BusinessCalendar Default(TimeZoneInfo zone)
    {
        WorkingHours[] office = [new(new TimeOnly(9, 0), new TimeOnly(18, 0))];
        var weekly = new WorkingHours[7][];
        for (var day = 0; day < 7; day++)
        {
            weekly[day] = day is (int)DayOfWeek.Saturday or (int)DayOfWeek.Sunday ? NoHours : office;
        }

        return new BusinessCalendar(zone, weekly, null, FrozenSet<DateOnly>.Empty, FrozenSet<DateOnly>.Empty);
    }

    public IReadOnlyList<WorkingHours> HoursOf(DayOfWeek day) => _weekly[(int)day];

    /// <summary>Local working hours of a date: none on a holiday, the make-up hours on a make-up day.</summary>
    public IReadOnlyList<WorkingHours> HoursOn(DateOnly date) => LocalHoursOn(date);

    public bool IsWorkingDay(DateOnly date) => LocalHoursOn(date).Length > 0;

    public BusinessCalendar WithHours(DayOfWeek day, params IEnumerable<WorkingHours> hours)
    {
        var weekly = (WorkingHours[][])_weekly.Clone();
        weekly[(int)day] = Checked(hours);
        return new BusinessCalendar(TimeZone, weekly, _makeUpHours, _holidays, _makeUpDays);
    }

    /// <summary>Replaces the holidays.</summary>
    public BusinessCalendar WithHolidays(params IEnumerable<DateOnly> dates) =>
        new(TimeZone, _weekly, _makeUpHours, dates.ToFrozenSet(), _makeUpDays);

    /// <summary>Replaces the make-up working days.</summary>
    public BusinessCalendar WithMakeUpWorkingDays(params IEnumerable<DateOnly> dates) =>
        new(TimeZone, _weekly, _makeUpHours, _holidays, dates.ToFrozenSet());

    public BusinessCalendar WithMakeUpDayHours(params IEnumerable<WorkingHours> hours) =>
        new(TimeZone, _weekly, Checked(hours), _holidays, _makeUpDays);

    public BusinessCalendar WithTimeZone(TimeZoneInfo zone) =>
        new(zone, _weekly, _makeUpHours, _holidays, _makeUpDays);

    private WorkingHours[] LocalHoursOn(DateOnly date)
    {
        if (_holidays.Contains(date))
        {
            return NoHours;
        }

        return _makeUpDays.Contains(date) ? _makeUpHours ?? _weekly[(int)DayOfWeek.Monday] : _weekly[(int)date.DayOfWeek];
    }

    /// <summary>Sorted by start; overlapping intervals are refused rather than guessed at.</summary>
    private static WorkingHours[] Checked(IEnumerable<WorkingHours> hours)
    {
        var sorted = hours.OrderBy(h => h.Start).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i - 1].EndsAtMidnight || sorted[i - 1].End > sorted[i].Start)
            {
                throw new ArgumentException($"Working hours {sorted[i - 1]} and {sorted[i]} overlap.", nameof(hours));
            }
        }

        return sorted;
    }
}
