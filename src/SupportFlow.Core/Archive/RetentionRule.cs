using SupportFlow.Localization;

namespace SupportFlow.Archive;

/// <summary>
/// SPEC: archives are kept at least one year, and nothing is purged before the retention period
/// (default and minimum 12 months). <c>purge --before M</c> removes closed tickets received before
/// month M; M may be at most the current month minus the retention period, so every purged
/// ticket's month ended at least that long ago.
/// </summary>
public static class RetentionRule
{
    public const int MinimumMonths = 12;

    /// <summary>The configured period, never below the minimum.</summary>
    public static int Months(int configured) => Math.Max(configured, MinimumMonths);

    /// <summary>The latest month that <c>purge --before</c> accepts at <paramref name="now"/>.</summary>
    public static ArchiveMonth LatestBefore(DateTimeOffset now, TimeZoneInfo zone, int retentionMonths) =>
        ArchiveMonth.Of(now, zone).AddMonths(-Months(retentionMonths));

    /// <summary>Why purging before <paramref name="before"/> is refused at <paramref name="now"/>, or null when the period allows it.</summary>
    public static LocalizedMessage? Refusal(ArchiveMonth before, DateTimeOffset now, TimeZoneInfo zone, int retentionMonths)
    {
        var latest = LatestBefore(now, zone, retentionMonths);
        return before <= latest
            ? null
            : new LocalizedMessage(
                "Tickets received in {0} are younger than the retention period of {1} months; the latest month purge --before accepts now is {2}.",
                before.Previous, Months(retentionMonths), latest);
    }

    /// <summary>Whether a ticket finished (closed or cancelled) at <paramref name="finishedAt"/> has been kept long enough.</summary>
    public static bool Expired(DateTimeOffset finishedAt, DateTimeOffset now, int retentionMonths) =>
        finishedAt.AddMonths(Months(retentionMonths)) <= now;
}
