namespace SupportFlow.Reports;

/// <summary>How a volume report cuts time: calendar days, ISO weeks (Monday first) or calendar months, in the organisation's zone.</summary>
public enum TimeGrouping
{
    Day,
    Week,
    Month,
}

/// <summary>
/// Which day, week or month a ticket falls in. A bucket is named by its first day: the date, the
/// Monday of the week, the first of the month. A week or month that starts before the report's
/// first day keeps its own name but holds only the period's tickets.
/// </summary>
public static class TimeBuckets
{
    /// <summary>The first day of the bucket that <paramref name="instant"/> falls in, in <paramref name="zone"/>.</summary>
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone, TimeGrouping grouping) =>
        Of(ReportPeriod.Today(instant, zone), grouping);

    public static DateOnly Of(DateOnly day, TimeGrouping grouping) => grouping switch
    {
        TimeGrouping.Day => day,
        TimeGrouping.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TimeGrouping.Month => new DateOnly(day.Year, day.Month, 1),
    };

    /// <summary>Every bucket the period touches, in order: a day without tickets is a zero, not a gap.</summary>
    public static IReadOnlyList<DateOnly> Covering(ReportPeriod period, TimeGrouping grouping)
    {
        var buckets = new List<DateOnly>();
        for (var bucket = Of(period.From, grouping); bucket <= period.To; bucket = Next(bucket, grouping))
        {
            buckets.Add(bucket);
        }

        return buckets;
    }

    /// <summary>Counts instants per bucket over <see cref="Covering"/>; instants outside the period are not counted.</summary>
    public static IReadOnlyList<(DateOnly Bucket, int Count)> Count(IEnumerable<DateTimeOffset> instants, ReportPeriod period,
        TimeZoneInfo zone, TimeGrouping grouping)
    {
        var counts = Covering(period, grouping).ToDictionary(b => b, _ => 0);
        foreach (var instant in instants)
        {
            var day = ReportPeriod.Today(instant, zone);
            if (day >= period.From && day <= period.To)
            {
                counts[Of(day, grouping)]++;
            }
        }

        return [.. counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Value))];
    }

    private static DateOnly Next(DateOnly bucket, TimeGrouping grouping) => grouping switch
    {
        TimeGrouping.Day => bucket.AddDays(1),
        TimeGrouping.Week => bucket.AddDays(7),
        TimeGrouping.Month => bucket.AddMonths(1),
    };
}
