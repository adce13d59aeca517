using SupportFlow.Server.Sla;
using SupportFlow.Sla;

namespace SupportFlow.Benchmarks;

/// <summary>
/// The calendar every benchmark runs on: Asia/Shanghai, Mon-Fri 09:00-12:00 and 13:30-18:00, and a
/// year of holidays and make-up working days (调休) modelled on China's 2026 public holidays
/// (illustrative data for the benchmark, not a source of truth: SupportFlow ships no country's dates).
/// Built from the stored rows, the way <see cref="SlaSettings"/> builds it for every request and job.
/// </summary>
internal static class BenchCalendar
{
    public const string ZoneId = "Asia/Shanghai";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static StoredWorkingWeek Week { get; } = new()
    {
        Monday = Office,
        Tuesday = Office,
        Wednesday = Office,
        Thursday = Office,
        Friday = Office,
    };

    /// <summary>33 holidays and 6 make-up working days over 2026.</summary>
    public static IReadOnlyList<CalendarDay> Days { get; } =
    [
        .. Holidays("New Year", new DateOnly(2026, 1, 1), 3),
        MakeUp("New Year", new DateOnly(2026, 1, 4)),
        MakeUp("Spring Festival", new DateOnly(2026, 2, 14)),
        .. Holidays("Spring Festival", new DateOnly(2026, 2, 15), 9),
        MakeUp("Spring Festival", new DateOnly(2026, 2, 28)),
        .. Holidays("Qingming", new DateOnly(2026, 4, 4), 3),
        .. Holidays("Labour Day", new DateOnly(2026, 5, 1), 5),
        MakeUp("Labour Day", new DateOnly(2026, 5, 9)),
        .. Holidays("Dragon Boat", new DateOnly(2026, 6, 19), 3),
        MakeUp("National Day", new DateOnly(2026, 9, 20)),
        .. Holidays("Mid-Autumn", new DateOnly(2026, 9, 25), 3),
        .. Holidays("National Day", new DateOnly(2026, 10, 1), 7),
        MakeUp("National Day", new DateOnly(2026, 10, 10)),
    ];

    private const string Office = "09:00-12:00,13:30-18:00";

    /// <summary>A new calendar instance (empty interval cache), exactly as the server builds it from the database.</summary>
    public static BusinessCalendar Build() => SlaSettings.CalendarFrom(Week, Days, Zone);

    private static IEnumerable<CalendarDay> Holidays(string name, DateOnly first, int count) =>
        Enumerable.Range(0, count).Select(i => new CalendarDay(first.AddDays(i), CalendarDayKind.Holiday, name));

    private static CalendarDay MakeUp(string name, DateOnly date) => new(date, CalendarDayKind.MakeUpWorkingDay, name);
}
