namespace SupportFlow.Reports;

/// <summary>
/// How long the open tickets have waited since they were received, in five buckets: under 4 hours,
/// 4-24 hours, 1-3 days, 3-7 days, 7 days and more (wall-clock time; each bucket includes its lower bound).
/// </summary>
public static class BacklogAge
{
    private static readonly (string Label, TimeSpan Below)[] Buckets =
    [
        ("< 4 h", TimeSpan.FromHours(4)),
        ("4-24 h", TimeSpan.FromDays(1)),
        ("1-3 d", TimeSpan.FromDays(3)),
        ("3-7 d", TimeSpan.FromDays(7)),
        ("> 7 d", TimeSpan.MaxValue),
    ];

    public static IReadOnlyList<string> Labels { get; } = [.. Buckets.Select(b => b.Label)];

    /// <summary>The bucket label of one ticket received at <paramref name="receivedAt"/>.</summary>
    public static string Of(DateTimeOffset receivedAt, DateTimeOffset now)
    {
        var age = now - receivedAt;
        return Buckets.First(b => age < b.Below).Label;
    }

    /// <summary>Tickets per bucket, every bucket listed (zero included), youngest first.</summary>
    public static IReadOnlyList<(string Age, int Count)> Count(IEnumerable<DateTimeOffset> receivedAt, DateTimeOffset now)
    {
        var counts = Labels.ToDictionary(l => l, _ => 0, StringComparer.Ordinal);
        foreach (var received in receivedAt)
        {
            counts[Of(received, now)]++;
        }

        return [.. Labels.Select(l => (l, counts[l]))];
    }
}
