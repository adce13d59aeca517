using System.Globalization;
using SupportFlow.Common;
using SupportFlow.Sla;

namespace SupportFlow.Reports;

/// <summary>
/// The days a report covers: <see cref="From"/> to <see cref="To"/>, both included, as dates in
/// the organisation's time zone. The tickets of the period are those received from midnight of
/// <see cref="From"/> up to (not including) midnight after <see cref="To"/>, in that zone.
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
    /// Reads <c>from</c> and <c>to</c> (YYYY-MM-DD); either may be left out (<c>to</c> defaults to
    /// today, <c>from</c> to <see cref="DefaultDays"/> days up to <c>to</c>). Each bad field is named in
    /// <paramref name="errors"/>; the result is then meaningless.
    /// </summary>
    public static ReportPeriod Parse(RequestErrors errors, string? from, string? to, DateOnly today)
    {
        var end = Date(errors, "to", to) ?? today;
        var start = Date(errors, "from", from) ?? end.AddDays(1 - DefaultDays);
        if (errors.IsValid && end < start)
        {
            errors.Add("to", "to must not be before from.");
        }
        else if (errors.IsValid && end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            errors.Add("to", "A report covers at most {0} days (about three years).", MaxDays);
        }

        return new ReportPeriod(start, end);
    }

    private static DateOnly? Date(RequestErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year >= 2000)
        {
            return date;
        }

        var shown = text.Length <= 40 ? text : text[..40] + "…";
        errors.Add(field, "'{0}' is not a date: use YYYY-MM-DD (a day in the organisation's time zone), e.g. 2026-05-01.", shown);
        return null;
    }

    private static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone) =>
        ZoneTime.FirstInstantAt(zone, date.ToDateTime(TimeOnly.MinValue));
}
