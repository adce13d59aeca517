using System.Globalization;
using SupportFlow.Common;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Sla;

/// <summary>
/// One target on the wire: exactly one of the <see cref="SlaTargetUnits"/> (minutes / hours 24x7,
/// businessMinutes / businessHours / businessDays on the calendar); null means no target.
/// </summary>
public sealed record SlaTargetBody(int? Minutes, int? Hours, int? BusinessMinutes, int? BusinessHours, int? BusinessDays,
    string? Text = null)
{
    public static SlaTargetBody? From(SlaTarget target) =>
        SlaTargetUnits.Of(target) is var (unit, amount) ? unit.Body(amount) with { Text = target.ToString() } : null;

    public SlaTarget Parse(RequestErrors errors, string field)
    {
        var given = SlaTargetUnits.All.Where(u => u.Read(this) is not null).ToList();
        if (given.Count != 1)
        {
            errors.Add(field, "{0} takes exactly one of {1} (or null for none).", field, SlaTargetUnits.Names);
            return SlaTarget.None;
        }

        var unit = given[0];
        var value = unit.Read(this)!.Value;
        if (value is < 1 or > 525_600)
        {
            errors.Add(field, "{0} must be a positive amount (at most a year).", field);
            return SlaTarget.None;
        }

        return unit.Make(value);
    }
}

public sealed record SlaPolicyBody(
    Priority? Priority,
    SlaTargetBody? FirstResponse,
    SlaTargetBody? Assignment,
    SlaTargetBody? Update,
    SlaTargetBody? Resolution)
{
    public static SlaPolicyBody From(SlaPolicy p) => new(p.Priority, SlaTargetBody.From(p.FirstResponse),
        SlaTargetBody.From(p.Assignment), SlaTargetBody.From(p.Update), SlaTargetBody.From(p.Resolution));

    public SlaPolicy Parse(Priority priority)
    {
        var errors = new RequestErrors();
        var policy = new SlaPolicy(priority,
            FirstResponse?.Parse(errors, "firstResponse") ?? SlaTarget.None,
            Assignment?.Parse(errors, "assignment") ?? SlaTarget.None,
            Update?.Parse(errors, "update") ?? SlaTarget.None,
            Resolution?.Parse(errors, "resolution") ?? SlaTarget.None);
        if (policy.Resolution.IsNone && Resolution is null)
        {
            errors.Add("resolution", "Every priority needs a resolution target.");
        }

        errors.ThrowIfInvalid();
        return policy;
    }
}

public sealed record CalendarDayBody(string? Date, string? Name);

/// <summary>
/// The business calendar. <c>workingHours</c> maps weekday names to lists of "HH:mm-HH:mm"
/// (a day left out has none); on PUT the whole calendar is replaced.
/// </summary>
public sealed record CalendarBody(
    string? TimeZone,
    Dictionary<string, string[]>? WorkingHours,
    string[]? MakeUpDayHours,
    CalendarDayBody[]? Holidays,
    CalendarDayBody[]? MakeUpWorkingDays)
{
    public static CalendarBody From(StoredWorkingWeek? week, IEnumerable<CalendarDay> days, BusinessCalendar calendar)
    {
        var list = days.OrderBy(d => d.Date).ToList();
        return new CalendarBody(
            calendar.TimeZone.Id,
            Enum.GetValues<DayOfWeek>().ToDictionary(
                d => WireNames.Of(d), d => calendar.HoursOf(d).Select(h => h.ToString()).ToArray()),
            week is { MakeUpDays.Length: > 0 } ? Sla.WorkingWeek.Parse(week.MakeUpDays).Select(h => h.ToString()).ToArray() : null,
            [.. list.Where(d => d.Kind == CalendarDayKind.Holiday).Select(Day)],
            [.. list.Where(d => d.Kind == CalendarDayKind.MakeUpWorkingDay).Select(Day)]);
    }

    private static CalendarDayBody Day(CalendarDay d) =>
        new(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Name);

    public (StoredWorkingWeek Week, List<CalendarDay> Days) Parse()
    {
        var errors = new RequestErrors();
        var week = new StoredWorkingWeek();
        foreach (var (name, hours) in WorkingHours ?? [])
        {
            if (!WireNames.TryParse<DayOfWeek>(name, out var day))
            {
                errors.Add("workingHours", "'{0}' is not a weekday: use monday ... sunday.", name);
                continue;
            }

            var text = Hours(errors, $"workingHours.{WireNames.Of(day)}", hours);
            SetDay(week, day, text);
        }

        week.MakeUpDays = MakeUpDayHours is null ? "" : Hours(errors, "makeUpDayHours", MakeUpDayHours);
        var days = Days(errors, "holidays", Holidays, CalendarDayKind.Holiday)
            .Concat(Days(errors, "makeUpWorkingDays", MakeUpWorkingDays, CalendarDayKind.MakeUpWorkingDay)).ToList();
        foreach (var clash in days.GroupBy(d => d.Date).Where(g => g.Count() > 1))
        {
            errors.Add("makeUpWorkingDays", "{0:yyyy-MM-dd} is listed twice (or both as a holiday and a make-up working day).", clash.Key);
        }

        if (errors.IsValid && Sla.WorkingWeek.Days(week).All(d => d.Hours.Length == 0))
        {
            errors.Add("workingHours", "At least one weekday needs working hours, or no business-time target could ever fall due.");
        }

        errors.ThrowIfInvalid();
        return (week, days);
    }

    private static string Hours(RequestErrors errors, string field, string[] hours)
    {
        try
        {
            var parsed = hours.Select(SupportFlow.Sla.WorkingHours.Parse).ToArray();
            _ = new BusinessCalendar(System.TimeZoneInfo.Utc).WithHours(DayOfWeek.Monday, parsed);
            return Sla.WorkingWeek.Format(parsed);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            errors.Add(field, "{0}: {1} Use \"HH:mm-HH:mm\", e.g. \"09:00-12:00\", \"13:30-18:00\".", field, e.Message);
            return "";
        }
    }

    private static IEnumerable<CalendarDay> Days(RequestErrors errors, string field, CalendarDayBody[]? days, CalendarDayKind kind)
    {
        foreach (var day in days ?? [])
        {
            if (!DateOnly.TryParseExact(day.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(field, "'{0}' is not a date like 2026-10-01.", day.Date);
                continue;
            }

            yield return new CalendarDay(date, kind, errors.Optional(field, day.Name, Limits.Name));
        }
    }

    private static void SetDay(StoredWorkingWeek week, DayOfWeek day, string hours)
    {
        switch (day)
        {
            case DayOfWeek.Monday: week.Monday = hours; break;
            case DayOfWeek.Tuesday: week.Tuesday = hours; break;
            case DayOfWeek.Wednesday: week.Wednesday = hours; break;
            case DayOfWeek.Thursday: week.Thursday = hours; break;
            case DayOfWeek.Friday: week.Friday = hours; break;
            case DayOfWeek.Saturday: week.Saturday = hours; break;
            case DayOfWeek.Sunday: week.Sunday = hours; break;
            default: throw new ArgumentOutOfRangeException(nameof(day));
        }
    }
}

public sealed record EscalationBody(string? Name, int? AfterBreachMinutes, string? Notify);
