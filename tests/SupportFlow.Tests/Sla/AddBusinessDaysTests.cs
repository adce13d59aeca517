using static SupportFlow.Tests.Sla.SlaTime;

namespace SupportFlow.Tests.Sla;

public class AddBusinessDaysTests
{
    [Fact]
    public void OneBusinessDayFromFridayEveningIsMondayEvening()
    {
        // SPEC: 1 business day from Friday 17:30, with 09:00-18:00 hours, is Monday 17:30.
        Assert.Equal(Sh(3, 10, 17, 30), ShanghaiOffice.AddBusinessDays(Sh(3, 7, 17, 30), 1));
    }

    [Fact]
    public void ThreeBusinessDaysFromMondayNoonIsThursdayNoon()
    {
        Assert.Equal(Sh(3, 6, 12), ShanghaiOffice.AddBusinessDays(Sh(3, 3, 12), 3));
    }

    [Fact]
    public void FiveBusinessDaysFromWednesdayIsNextWednesday()
    {
        Assert.Equal(Sh(3, 12, 14, 20), ShanghaiOffice.AddBusinessDays(Sh(3, 5, 14, 20), 5));
    }

    [Fact]
    public void FromBeforeOpeningIsTheCloseOfThatDay()
    {
        Assert.Equal(Sh(3, 3, 18), ShanghaiOffice.AddBusinessDays(Sh(3, 3, 8), 1));
    }

    [Fact]
    public void FromExactlyOpeningIsTheCloseOfThatDay()
    {
        Assert.Equal(Sh(3, 5, 18), ShanghaiOffice.AddBusinessDays(Sh(3, 3, 9), 3));
    }

    [Theory]
    [InlineData(18, 0)]
    [InlineData(20, 0)]
    [InlineData(23, 59)]
    public void FromAfterFridayCloseIsTheCloseOfMonday(int hour, int minute)
    {
        Assert.Equal(Sh(3, 10, 18), ShanghaiOffice.AddBusinessDays(Sh(3, 7, hour, minute), 1));
    }

    [Fact]
    public void FromTheWeekendCountsFromMonday()
    {
        Assert.Equal(Sh(3, 10, 18), ShanghaiOffice.AddBusinessDays(Sh(3, 8, 10), 1));
        Assert.Equal(Sh(3, 12, 18), ShanghaiOffice.AddBusinessDays(Sh(3, 9, 10), 3));
    }

    [Fact]
    public void HolidaysAreNotBusinessDays()
    {
        // National Day 2025: 1-8 October off; 28 September and 11 October are make-up days.
        var calendar = ShanghaiOffice
            .WithHolidays(Enumerable.Range(1, 8).Select(day => Day(10, day)))
            .WithMakeUpWorkingDays(Day(9, 28), Day(10, 11));

        Assert.Equal(Sh(10, 9, 17, 30), calendar.AddBusinessDays(Sh(9, 30, 17, 30), 1));
    }

    [Fact]
    public void MakeUpSaturdayIsABusinessDay()
    {
        var calendar = ShanghaiOffice.WithMakeUpWorkingDays(Day(10, 11));

        Assert.Equal(Sh(10, 11, 17, 30), calendar.AddBusinessDays(Sh(10, 10, 17, 30), 1));
        Assert.Equal(Sh(10, 13, 17, 30), calendar.AddBusinessDays(Sh(10, 10, 17, 30), 2));
    }

    [Fact]
    public void ShorterTargetDayEndsAtItsClose()
    {
        var calendar = ShanghaiOffice.WithHours(DayOfWeek.Friday, Hours("09:00-16:00"));

        Assert.Equal(Sh(3, 7, 16), calendar.AddBusinessDays(Sh(3, 6, 17), 1));
        Assert.Equal(Sh(3, 10, 17), calendar.AddBusinessDays(Sh(3, 6, 17), 2));
    }

    [Fact]
    public void PositionInTheDayIsBusinessTimeAlreadyWorked()
    {
        // Monday starts at 08:00, so 10:00 Monday is 2 h in; 2 h into Tuesday is 11:00.
        var calendar = ShanghaiOffice.WithHours(DayOfWeek.Monday, Hours("08:00-17:00"));

        Assert.Equal(Sh(3, 4, 11), calendar.AddBusinessDays(Sh(3, 3, 10), 1));
    }

    [Fact]
    public void StartInLunchBreakCountsAsTheEndOfTheMorning()
    {
        var calendar = ShanghaiOffice
            .WithHours(DayOfWeek.Monday, Hours("09:00-12:00"), Hours("13:30-18:00"))
            .WithHours(DayOfWeek.Tuesday, Hours("09:00-12:00"), Hours("13:30-18:00"));

        Assert.Equal(Sh(3, 4, 12), calendar.AddBusinessDays(Sh(3, 3, 12, 30), 1));
        Assert.Equal(Sh(3, 4, 15), calendar.AddBusinessDays(Sh(3, 3, 15), 1));
    }

    [Theory]
    [InlineData(3, 8, 0, 1)]
    [InlineData(3, 9, 0, 1)]
    [InlineData(7, 17, 30, 1)]
    [InlineData(5, 11, 11, 3)]
    [InlineData(8, 12, 0, 5)]
    public void SpansThatManyFullWorkingDaysOfBusinessTime(int day, int hour, int minute, int days)
    {
        var start = Sh(3, day, hour, minute);

        var due = ShanghaiOffice.AddBusinessDays(start, days);

        Assert.Equal(TimeSpan.FromHours(9 * days), ShanghaiOffice.BusinessTimeBetween(start, due));
    }

    [Fact]
    public void ZeroDaysIsTheStartAndNegativeIsRefused()
    {
        Assert.Equal(Sh(3, 8, 11), ShanghaiOffice.AddBusinessDays(Sh(3, 8, 11), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShanghaiOffice.AddBusinessDays(Sh(3, 3, 9), -1));
    }
}
