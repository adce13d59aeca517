using SupportFlow.Reports;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Reports;

/// <summary>Rates, backlog buckets, the "simple ticket" rule and the rating summary.</summary>
public sealed class ReportRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ARateIsUnknownWithoutAWholeAndRoundedToFourPlaces()
    {
        Assert.Null(Rate.Of(0, 0));
        Assert.Equal(0.3333, Rate.Of(1, 3));
        Assert.Equal(1.0, Rate.Of(4, 4));
    }

    [Fact]
    public void BacklogBucketsIncludeTheirLowerBound()
    {
        var received = new[] { 0.0, 3.99, 4, 23.99, 24, 71.99, 72, 167.99, 168, 1000 }.Select(h => Now.AddHours(-h));
        Assert.Equal(
            [("< 4 h", 2), ("4-24 h", 2), ("1-3 d", 2), ("3-7 d", 2), ("> 7 d", 2)],
            BacklogAge.Count(received, Now));
        Assert.Equal([.. BacklogAge.Labels.Select(l => (l, 0))], BacklogAge.Count([], Now));
    }

    [Theory]
    [InlineData(Priority.P3, true, null, true)]
    [InlineData(Priority.P4, true, "", true)]
    [InlineData(Priority.P4, true, "Use the other printer meanwhile", false)] // a workaround: a complex problem
    [InlineData(Priority.P2, true, null, false)]
    [InlineData(Priority.P1, true, null, false)]
    [InlineData(Priority.P3, false, null, false)] // not resolved yet: not known
    public void ASimpleTicketIsAResolvedP3OrP4WithoutWorkaround(Priority priority, bool resolved, string? workaround, bool simple)
    {
        Assert.Equal(simple, SimpleTickets.IsSimple(priority, resolved ? Now : null, workaround));
    }

    [Fact]
    public void TheSimpleTargetIsThirtyMinutesFromTheFirstAssignmentInclusive()
    {
        Assert.True(SimpleTickets.MetTarget(Now, Now.AddMinutes(30)));
        Assert.False(SimpleTickets.MetTarget(Now, Now.AddMinutes(30).AddSeconds(1)));
        Assert.False(SimpleTickets.MetTarget(null, Now)); // resolved without ever being assigned
    }

    [Fact]
    public void TheRatingSummaryCountsEachStarAndAveragesToTwoPlaces()
    {
        // 5, 5, 4, 1 and a 3: (10 + 4 + 1 + 3) / 5 = 3.6; a stray 0 or 6 is not a rating.
        var summary = RatingSummary.Of(new Dictionary<int, int> { [5] = 2, [4] = 1, [1] = 1, [3] = 1, [0] = 7, [6] = 1 });
        Assert.Equal(5, summary.Rated);
        Assert.Equal(3.6, summary.Average);
        Assert.Equal([1, 0, 1, 1, 2], summary.Distribution);

        var thirds = RatingSummary.Of(new Dictionary<int, int> { [5] = 1, [4] = 2 });
        Assert.Equal(4.33, thirds.Average);
        Assert.Null(RatingSummary.Of(new Dictionary<int, int>()).Average);
    }
}
