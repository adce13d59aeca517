using SupportFlow.Reports;

namespace SupportFlow.Tests.Reports;

public sealed class TimeBucketsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Theory]
    [InlineData(5, 18, 5, 18)] // Monday
    [InlineData(5, 20, 5, 18)] // Wednesday
    [InlineData(5, 24, 5, 18)] // Sunday ends the ISO week
    [InlineData(5, 25, 5, 25)]
    [InlineData(1, 1, 12, 29)] // Thursday 1 January 2026: its week began in 2025
    public void AWeekIsNamedByItsMonday(int month, int day, int mondayMonth, int mondayDay)
    {
        var monday = TimeBuckets.Of(D(month, day), TimeGrouping.Week);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
        Assert.Equal((mondayMonth, mondayDay), (monday.Month, monday.Day));
    }

    [Fact]
    public void AMonthIsNamedByItsFirstDay()
    {
        Assert.Equal(D(2, 1), TimeBuckets.Of(D(2, 28), TimeGrouping.Month));
        Assert.Equal(D(5, 20), TimeBuckets.Of(D(5, 20), TimeGrouping.Day));
    }

    [Fact]
    public void TheDayIsTheOrganisationsNotUtcs()
    {
        // 20 May 17:00 UTC is 21 May 01:00 in Shanghai, still 20 May 19:00 in Berlin.
        var instant = new DateTimeOffset(2026, 5, 20, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(D(5, 21), TimeBuckets.Of(instant, Shanghai, TimeGrouping.Day));
        Assert.Equal(D(5, 20), TimeBuckets.Of(instant, Berlin, TimeGrouping.Day));
        // Sunday 24 May 16:30 UTC is Monday 25 May in Shanghai: the next week.
        Assert.Equal(D(5, 25), TimeBuckets.Of(new DateTimeOffset(2026, 5, 24, 16, 30, 0, TimeSpan.Zero), Shanghai, TimeGrouping.Week));
    }

    [Fact]
    public void EveryBucketOfThePeriodIsListedEmptyOnesToo()
    {
        var period = new ReportPeriod(D(5, 20), D(6, 2));
        Assert.Equal(14, TimeBuckets.Covering(period, TimeGrouping.Day).Count);
        Assert.Equal([D(5, 18), D(5, 25), D(6, 1)], TimeBuckets.Covering(period, TimeGrouping.Week));
        Assert.Equal([D(5, 1), D(6, 1)], TimeBuckets.Covering(period, TimeGrouping.Month));
    }

    [Fact]
    public void CountingPutsEachInstantInItsLocalBucketAndSkipsInstantsOutsideThePeriod()
    {
        var period = new ReportPeriod(D(5, 20), D(5, 26));
        DateTimeOffset[] received =
        [
            new(2026, 5, 19, 15, 59, 0, TimeSpan.Zero), // 19 May 23:59 Shanghai: before the period
            new(2026, 5, 19, 16, 0, 0, TimeSpan.Zero), // 20 May 00:00
            new(2026, 5, 20, 6, 30, 0, TimeSpan.Zero), // 20 May 14:30
            new(2026, 5, 24, 15, 0, 0, TimeSpan.Zero), // 24 May 23:00, Sunday
            new(2026, 5, 24, 16, 0, 0, TimeSpan.Zero), // 25 May 00:00, Monday
            new(2026, 5, 26, 16, 0, 0, TimeSpan.Zero), // 27 May 00:00: after the period
        ];
        var days = TimeBuckets.Count(received, period, Shanghai, TimeGrouping.Day);
        Assert.Equal([2, 0, 0, 0, 1, 1, 0], days.Select(d => d.Count));
        var weeks = TimeBuckets.Count(received, period, Shanghai, TimeGrouping.Week);
        Assert.Equal([(D(5, 18), 3), (D(5, 25), 1)], weeks);
    }
}
