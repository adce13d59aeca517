using SupportFlow.Tickets;

namespace SupportFlow.Tests.Tickets;

/// <summary>YYYYMMDD-NNN: the receiving day in the organisation's zone, serial padded to three digits.</summary>
public sealed class TicketNumberTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly May20 = new(2026, 5, 20);

    [Theory]
    [InlineData(1, "20260520-001")]
    [InlineData(42, "20260520-042")]
    [InlineData(999, "20260520-999")]
    [InlineData(1000, "20260520-1000")]
    [InlineData(12345, "20260520-12345")]
    public void FormatPadsSerialToThreeDigitsAndGrowsPast999(int serial, string expected)
    {
        Assert.Equal(expected, TicketNumber.Format(May20, serial));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void SerialStartsAtOne(int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketNumber.Format(May20, serial));
    }

    [Fact]
    public void FormatUsesTheGregorianDayWhateverTheCurrentCulture()
    {
        var before = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("th-TH");
            Assert.Equal("20260520-007", TicketNumber.Format(May20, 7));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = before;
        }
    }

    [Fact]
    public void ReportAtHalfPastMidnightInShanghaiBelongsToTheShanghaiDay()
    {
        // 00:30 on 20 May in Shanghai is still 19 May in UTC.
        var receivedAt = new DateTimeOffset(2026, 5, 19, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(May20, TicketNumber.DayOf(receivedAt, Shanghai));
        Assert.StartsWith("20260520-", TicketNumber.Format(TicketNumber.DayOf(receivedAt, Shanghai), 1), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-20T15:59:59Z", "2026-05-20")]
    [InlineData("2026-05-20T16:00:00Z", "2026-05-21")]
    [InlineData("2026-05-19T15:59:59Z", "2026-05-19")]
    [InlineData("2026-05-19T16:00:00Z", "2026-05-20")]
    [InlineData("2026-05-20T23:59:59+08:00", "2026-05-20")]
    [InlineData("2026-05-21T00:00:00+08:00", "2026-05-21")]
    [InlineData("2026-05-20T11:59:59-04:00", "2026-05-20")]
    public void ShanghaiDayChangesExactlyAtLocalMidnight(string receivedAt, string day)
    {
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            TicketNumber.DayOf(DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture), Shanghai));
    }

    [Fact]
    public void TheSameInstantWrittenWithDifferentOffsetsIsTheSameDay()
    {
        var utc = new DateTimeOffset(2026, 5, 19, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(TicketNumber.DayOf(utc, Shanghai), TicketNumber.DayOf(utc.ToOffset(TimeSpan.FromHours(-7)), Shanghai));
        Assert.Equal(TicketNumber.DayOf(utc, Shanghai), TicketNumber.DayOf(utc.ToOffset(TimeSpan.FromHours(8)), Shanghai));
    }

    [Theory]
    // Spring forward, Sunday 8 March 2026: 02:00 EST becomes 03:00 EDT (07:00 UTC).
    [InlineData("2026-03-08T04:59:59Z", "2026-03-07")] // 23:59:59 EST on the 7th
    [InlineData("2026-03-08T05:00:00Z", "2026-03-08")] // 00:00 EST
    [InlineData("2026-03-08T07:00:00Z", "2026-03-08")] // 03:00 EDT, the skipped hour's end
    [InlineData("2026-03-09T03:59:59Z", "2026-03-08")] // 23:59:59 EDT: an hour earlier in UTC than the day before
    [InlineData("2026-03-09T04:00:00Z", "2026-03-09")] // 00:00 EDT
    // Fall back, Sunday 1 November 2026: 02:00 EDT becomes 01:00 EST (06:00 UTC).
    [InlineData("2026-11-01T03:59:59Z", "2026-10-31")]
    [InlineData("2026-11-01T04:00:00Z", "2026-11-01")]
    [InlineData("2026-11-02T04:59:59Z", "2026-11-01")] // 23:59:59 EST
    [InlineData("2026-11-02T05:00:00Z", "2026-11-02")]
    public void NewYorkDayFollowsDaylightSavingTime(string receivedAt, string day)
    {
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            TicketNumber.DayOf(DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture), NewYork));
    }

    [Theory]
    [InlineData("20260520-001")]
    [InlineData("20260520-010")]
    [InlineData("20260520-999")]
    [InlineData("20260520-1000")]
    [InlineData("20260520-123456")]
    [InlineData("20240229-001")]
    [InlineData("20261231-500")]
    public void WellFormedNumbersAreAccepted(string text)
    {
        Assert.True(TicketNumber.IsWellFormed(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20260520")]
    [InlineData("20260520-")]
    [InlineData("20260520-1")]
    [InlineData("20260520-01")]
    [InlineData("20260520-000")]
    [InlineData("20260520-0001")]
    [InlineData("20260520-0999")]
    [InlineData("20260520_001")]
    [InlineData("2026052-0001")]
    [InlineData("2026-05-20-001")]
    [InlineData("20261320-001")]
    [InlineData("20260532-001")]
    [InlineData("20230229-001")]
    [InlineData("20260520-00a")]
    [InlineData("20260520-+01")]
    [InlineData("20260520- 01")]
    [InlineData("20260520--01")]
    [InlineData(" 20260520-001")]
    [InlineData("20260520-001 ")]
    [InlineData("20260520-001\n")]
    [InlineData("20260520-1e3")]
    [InlineData("20260520-99999999999")]
    [InlineData("2026O520-001")]
    [InlineData("20260520-٠٠١")]
    public void MalformedNumbersAreRejected(string? text)
    {
        Assert.False(TicketNumber.IsWellFormed(text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void EveryFormattedNumberIsWellFormed(int serial)
    {
        Assert.True(TicketNumber.IsWellFormed(TicketNumber.Format(new DateOnly(2026, 12, 31), serial)));
    }

    [Fact]
    public void CounterKeyIsTheDayWithoutSeparators()
    {
        Assert.Equal("20260520", TicketNumber.CounterKey(May20));
        Assert.NotEqual(TicketNumber.CounterKey(May20), TicketNumber.CounterKey(May20.AddDays(1)));
    }
}
