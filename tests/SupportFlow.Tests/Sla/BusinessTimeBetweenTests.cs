using static SupportFlow.Tests.Sla.SlaTime;

namespace SupportFlow.Tests.Sla;

public class BusinessTimeBetweenTests
{
    [Fact]
    public void WithinOneIntervalIsTheElapsedTime()
    {
        Assert.Equal(TimeSpan.FromMinutes(95), ShanghaiOffice.BusinessTimeBetween(Sh(3, 3, 10), Sh(3, 3, 11, 35)));
    }

    [Fact]
    public void NightsAndWeekendsDoNotCount()
    {
        Assert.Equal(TimeSpan.FromHours(3), ShanghaiOffice.BusinessTimeBetween(Sh(3, 7, 16), Sh(3, 10, 10)));
    }

    [Fact]
    public void HolidaysDoNotCountAndMakeUpDaysDo()
    {
        var calendar = ShanghaiOffice.WithHolidays(Day(3, 10)).WithMakeUpWorkingDays(Day(3, 8));

        Assert.Equal(TimeSpan.FromHours(9 + 2), calendar.BusinessTimeBetween(Sh(3, 8, 0), Sh(3, 11, 11)));
    }

    [Fact]
    public void LunchBreakDoesNotCount()
    {
        var calendar = ShanghaiOffice.WithHours(DayOfWeek.Monday, Hours("09:00-12:00"), Hours("13:30-18:00"));

        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessTimeBetween(Sh(3, 3, 11), Sh(3, 3, 14, 30)));
    }

    [Fact]
    public void ReversedOrEmptySpanIsZero()
    {
        Assert.Equal(TimeSpan.Zero, ShanghaiOffice.BusinessTimeBetween(Sh(3, 3, 12), Sh(3, 3, 10)));
        Assert.Equal(TimeSpan.Zero, ShanghaiOffice.BusinessTimeBetween(Sh(3, 3, 12), Sh(3, 3, 12)));
    }

    [Theory]
    [InlineData(3, 8, 0, 1)]
    [InlineData(3, 9, 30, 9)]
    [InlineData(3, 12, 15, 30)]
    [InlineData(7, 17, 59, 61)]
    [InlineData(8, 3, 0, 200)]
    public void MeasuresBackWhatAddBusinessTimeAdded(int day, int hour, int minute, int hours)
    {
        var calendar = ShanghaiOffice
            .WithHours(DayOfWeek.Tuesday, Hours("09:00-12:00"), Hours("13:30-18:00"))
            .WithHolidays(Day(3, 12))
            .WithMakeUpWorkingDays(Day(3, 15));
        var start = Sh(3, day, hour, minute);

        var due = calendar.AddBusinessTime(start, TimeSpan.FromHours(hours));

        Assert.Equal(TimeSpan.FromHours(hours), calendar.BusinessTimeBetween(start, due));
    }
}
