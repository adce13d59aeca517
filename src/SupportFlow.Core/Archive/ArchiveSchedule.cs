namespace SupportFlow.Archive;

/// <summary>
/// When the monthly archive runs: on the first day of each month at 01:00 in the organisation's
/// zone it archives the month just ended. A server that was down then catches up at its next
/// start, so a month is never skipped.
/// </summary>
public static class ArchiveSchedule
{
    public static readonly TimeSpan RunAtLocalTime = TimeSpan.FromHours(1);

    /// <summary>The month whose archive is due at <paramref name="now"/>: the previous month once its first day's 01:00 has passed.</summary>
    public static ArchiveMonth DueMonth(DateTimeOffset now, TimeZoneInfo zone)
    {
        var current = ArchiveMonth.Of(now, zone);
        return now >= RunsAt(current, zone) ? current.Previous : current.AddMonths(-2);
    }

    /// <summary>
    /// Whether <paramref name="month"/> is over in the organisation's zone: only then can its archive
    /// be final (before, tickets may still be received in it).
    /// </summary>
    public static bool HasEnded(ArchiveMonth month, DateTimeOffset now, TimeZoneInfo zone) => now >= month.End(zone);

    /// <summary>01:00 on the first day of <paramref name="month"/>, when the previous month's archive is due.</summary>
    public static DateTimeOffset RunsAt(ArchiveMonth month, TimeZoneInfo zone) =>
        ArchiveMonth.AtLocal(new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Unspecified) + RunAtLocalTime, zone);

    /// <summary>The next scheduled run strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeZoneInfo zone)
    {
        var current = ArchiveMonth.Of(now, zone);
        var thisMonth = RunsAt(current, zone);
        return now < thisMonth ? thisMonth : RunsAt(current.Next, zone);
    }
}
