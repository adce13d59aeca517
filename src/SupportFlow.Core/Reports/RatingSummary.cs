namespace SupportFlow.Reports;

/// <summary>The reporters' ratings (1-5 stars) of a period: how many, their mean, and how many gave each number of stars.</summary>
public sealed record RatingSummary(int Rated, double? Average, IReadOnlyList<int> Distribution)
{
    /// <summary><paramref name="starCounts"/>: stars -> how many ratings; values outside 1-5 are not ratings and are ignored.</summary>
    public static RatingSummary Of(IReadOnlyDictionary<int, int> starCounts)
    {
        int[] distribution = [.. Enumerable.Range(1, 5).Select(s => starCounts.GetValueOrDefault(s))];
        var rated = distribution.Sum();
        var total = distribution.Select((count, i) => count * (i + 1)).Sum();
        return new RatingSummary(rated, rated == 0 ? null : Math.Round((double)total / rated, 2), distribution);
    }
}
