using SupportFlow.Common;
using SupportFlow.Sla;

namespace SupportFlow.Reports;

/// <summary>
/// The days a report covers: <see cref="From"/> to <see cref="To"/>, both included, as dates in
/// the organisation's time zone. Asked for by days, the tickets of the period are those received from
/// midnight of <see cref="From"/> up to (not including) midnight after <see cref="To"/>, in that zone;
/// asked for by times, those between the times, and the days are the ones the times fall on.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Three years: enough for year-on-year questions, bounded so that one request cannot read everything.</summary>
    public const int MaxDays = 1096;

    /// <summary>Without dates a report covers the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Midnight at the start of <see cref="From"/> in <paramref name="zone"/>, in UTC.</summary>
    public DateTimeOffset Start(TimeZoneInfo zone) => Midnight(From, zone);

    /// <summary>Midnight after <see cref="To"/>: the period is [Start, End).</summary>
    public DateTimeOffset End(TimeZoneInfo zone) => Midnight(To.AddDays(1), zone);

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => ZoneTime.LocalDateOf(zone, now);

    /// <summary>
    /// Reads <c>from</c> and <c>to</c>: days (YYYY-MM-DD, both included) or times with offset
    /// (<see cref="RequestErrors.PeriodBound"/>); either may be left out (<c>to</c> defaults to the end
    /// of today, <c>from</c> to the start of the day <paramref name="defaultDays"/> days up to <c>to</c>'s day).
    /// Returns the days covered and the instants [Start, End) in UTC. Each bad field is named in
    /// <paramref name="errors"/>; the result is then meaningless.
    /// </summary>
    public static (ReportPeriod Period, DateTimeOffset Start, DateTimeOffset End) Parse(RequestErrors errors, string? from,
        string? to, OrganizationTime org, DateTimeOffset now, int defaultDays = DefaultDays)
    {
        var end = errors.PeriodBound("to", to, org, PeriodEnd.To) ?? org.StartOfDay(org.DateOf(now).AddDays(1));
        var lastDay = org.DateOf(end.AddTicks(-1));
        var start = errors.PeriodBound("from", from, org, PeriodEnd.From) ?? org.StartOfDay(lastDay.AddDays(1 - defaultDays));
        var period = new ReportPeriod(org.DateOf(start), lastDay);
        if (errors.IsValid && end <= start)
        {
            errors.Add("to", "to must not be before from.");
        }
        else if (errors.IsValid && period.Days > MaxDays)
        {
            errors.Add("to", "A report covers at most {0} days (about three years).", MaxDays);
        }

        return (period, start, end);
    }

    private static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone) =>
        ZoneTime.FirstInstantAt(zone, date.ToDateTime(TimeOnly.MinValue));
}
