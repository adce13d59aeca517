namespace SupportFlow.Reports;

/// <summary>
/// How long something took over a set of tickets, in minutes: how many were measured, the mean
/// and the 90th percentile. The percentile is the nearest rank (the smallest measured value that
/// at least 90% of the values do not exceed: rank ⌈0.9·n⌉ of the sorted values), so it is always a
/// time some ticket really took and can be checked by hand.
/// </summary>
public sealed record DurationStats(int Count, double? MeanMinutes, double? P90Minutes)
{
    public static DurationStats Of(IEnumerable<TimeSpan> durations)
    {
        var minutes = durations.Select(d => d.TotalMinutes).Order().ToList();
        return minutes.Count == 0
            ? new DurationStats(0, null, null)
            : new DurationStats(minutes.Count, Math.Round(minutes.Average(), 1), Math.Round(NearestRank(minutes, 0.9), 1));
    }

    /// <summary>The value at rank ⌈p·n⌉ (1-based) of <paramref name="sorted"/> ascending values; p in (0, 1].</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        if (p is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is over (0, 1].");
        }

        // 1e-9 absorbs binary rounding: 0.9 * 10 is 9.000000000000002, whose ceiling would be 10.
        var rank = (int)Math.Ceiling((p * sorted.Count) - 1e-9);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
