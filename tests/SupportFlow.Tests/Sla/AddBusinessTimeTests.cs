using SupportFlow.Sla;
using static SupportFlow.Tests.Sla.SlaTime;

namespace SupportFlow.Tests.Sla;

public class AddBusinessTimeTests
{
    private static readonly BusinessCalendar WithLunch = ShanghaiOffice
        .WithHours(DayOfWeek.Monday, Hours("09:00-12:00"), Hours("13:30-18:00"))
        .WithHours(DayOfWeek.Tuesday, Hours("09:00-12:00"), Hours("13:30-18:00"));

    [Fact]
    public void StartBeforeOpeningCountsFromOpening()
    {
        Assert.Equal(Sh(3, 3, 11), ShanghaiOffice.AddBusinessTime(Sh(3, 3, 8), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void StartDuringHoursCountsFromStart()
    {
        Assert.Equal(Sh(3, 3, 12, 45), ShanghaiOffice.AddBusinessTime(Sh(3, 3, 10, 15), TimeSpan.FromMinutes(150)));
    }

    [Fact]
    public void StartAfterCloseCountsFromNextOpening()
    {
        Assert.Equal(Sh(3, 4, 10), ShanghaiOffice.AddBusinessTime(Sh(3, 3, 19), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void TimeUsedUpExactlyAtCloseIsDueAtClose()
    {
        Assert.Equal(Sh(3, 3, 18), ShanghaiOffice.AddBusinessTime(Sh(3, 3, 9), TimeSpan.FromHours(9)));
    }

    [Fact]
    public void OneMinuteMoreThanTheDayRollsToNextMorning()
    {
        Assert.Equal(Sh(3, 4, 9, 1), ShanghaiOffice.AddBusinessTime(Sh(3, 3, 9), TimeSpan.FromMinutes(9 * 60 + 1)));
    }

    [Fact]
    public void FridayEveningRollsOverTheWeekend()
    {
        Assert.Equal(Sh(3, 10, 10), ShanghaiOffice.AddBusinessTime(Sh(3, 7, 17), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void WeekendStartCountsFromMondayOpening()
    {
        Assert.Equal(Sh(3, 10, 13), ShanghaiOffice.AddBusinessTime(Sh(3, 8, 11), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void HolidaysAreSkipped()
    {
        var calendar = ShanghaiOffice.WithHolidays(Day(3, 10), Day(3, 11));

        Assert.Equal(Sh(3, 12, 10), calendar.AddBusinessTime(Sh(3, 7, 17), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void MakeUpSaturdayCounts()
    {
        var calendar = ShanghaiOffice.WithMakeUpWorkingDays(Day(3, 8));

        Assert.Equal(Sh(3, 8, 10), calendar.AddBusinessTime(Sh(3, 7, 17), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void LunchBreakDoesNotCount()
    {
        Assert.Equal(Sh(3, 3, 14, 30), WithLunch.AddBusinessTime(Sh(3, 3, 11), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void StartInLunchBreakCountsFromAfternoonOpening()
    {
        Assert.Equal(Sh(3, 3, 14), WithLunch.AddBusinessTime(Sh(3, 3, 12, 15), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void TimeUsedUpAtLunchIsDueWhenTheMorningEnds()
    {
        Assert.Equal(Sh(3, 3, 12), WithLunch.AddBusinessTime(Sh(3, 3, 9), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void LongDurationsCrossManyWeeks()
    {
        // 100 h = 11 days of 9 h + 1 h: Mon 3 Mar 09:00 + 11 working days = Tue 18 Mar, one hour in.
        Assert.Equal(Sh(3, 18, 10), ShanghaiOffice.AddBusinessTime(Sh(3, 3, 9), TimeSpan.FromHours(100)));
    }

    [Fact]
    public void ZeroDurationIsTheStartItself()
    {
        Assert.Equal(Sh(3, 8, 11), ShanghaiOffice.AddBusinessTime(Sh(3, 8, 11), TimeSpan.Zero));
    }

    [Fact]
    public void NegativeDurationIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShanghaiOffice.AddBusinessTime(Sh(3, 3, 9), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void ResultIsInUtc()
    {
        var due = ShanghaiOffice.AddBusinessTime(Sh(3, 3, 10), TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 3, 0, 0, TimeSpan.Zero), due);
    }
}
