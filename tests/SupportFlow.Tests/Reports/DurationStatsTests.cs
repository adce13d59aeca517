using SupportFlow.Reports;

namespace SupportFlow.Tests.Reports;

public sealed class DurationStatsTests
{
    private static IEnumerable<TimeSpan> Minutes(params double[] values) => values.Select(TimeSpan.FromMinutes);

    [Fact]
    public void TheNinetiethPercentileIsTheValueAtRankCeilingOfNinetyPercentOfN()
    {
        // Ten values 1..10: rank ⌈9⌉ = 9 -> 9 (not 10 by a rounding slip of 0.9 * 10).
        var ten = DurationStats.Of(Minutes(10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
        Assert.Equal(new DurationStats(10, 5.5, 9), ten);

        // Eleven values: rank ⌈9.9⌉ = 10.
        Assert.Equal(10, DurationStats.Of(Minutes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)).P90Minutes);

        // Four values 5, 10, 20, 120: rank ⌈3.6⌉ = 4 -> 120; mean 155 / 4 = 38.75 -> 38.8.
        Assert.Equal(new DurationStats(4, 38.8, 120), DurationStats.Of(Minutes(20, 5, 120, 10)));
    }

    [Fact]
    public void OneValueIsItsOwnMeanAndPercentile()
    {
        Assert.Equal(new DurationStats(1, 42, 42), DurationStats.Of(Minutes(42)));
    }

    [Fact]
    public void NothingMeasuredHasNoMeanOrPercentile()
    {
        Assert.Equal(new DurationStats(0, null, null), DurationStats.Of([]));
    }

    [Theory]
    [InlineData(0.5, 2)]
    [InlineData(0.75, 3)]
    [InlineData(1.0, 4)]
    [InlineData(0.01, 1)]
    public void NearestRankPicksAnObservedValue(double p, double expected)
    {
        Assert.Equal(expected, DurationStats.NearestRank([1, 2, 3, 4], p));
    }

    [Fact]
    public void APercentileOfNothingOrOutsideZeroToOneIsRefused()
    {
        Assert.Throws<ArgumentException>(() => DurationStats.NearestRank([], 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationStats.NearestRank([1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationStats.NearestRank([1], 1.5));
    }
}
