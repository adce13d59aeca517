using SupportFlow.Sla;
using static SupportFlow.Tests.Sla.SlaTime;

namespace SupportFlow.Tests.Sla;

public class BusinessCalendarTests
{
    [Fact]
    public void DefaultCalendarWorksNineToSixMondayToFriday()
    {
        var calendar = ShanghaiOffice;

        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            Assert.Equal([Hours("09:00-18:00")], calendar.HoursOf(day));
        }

        Assert.Empty(calendar.HoursOf(DayOfWeek.Saturday));
        Assert.Empty(calendar.HoursOf(DayOfWeek.Sunday));
        Assert.Same(Shanghai, calendar.TimeZone);
    }

    [Fact]
    public void WeekdaysWorkAndWeekendsDoNot()
    {
        Assert.True(ShanghaiOffice.IsWorkingDay(Day(3, 7)));
        Assert.False(ShanghaiOffice.IsWorkingDay(Day(3, 8)));
        Assert.False(ShanghaiOffice.IsWorkingDay(Day(3, 9)));
    }

    [Fact]
    public void HolidayIsNotAWorkingDay()
    {
        var calendar = ShanghaiOffice.WithHolidays(Day(10, 1));

        Assert.False(calendar.IsWorkingDay(Day(10, 1)));
        Assert.Empty(calendar.HoursOn(Day(10, 1)));
        Assert.Empty(calendar.WorkingIntervalsOn(Day(10, 1)));
        Assert.True(calendar.IsWorkingDay(Day(10, 2)));
    }

    [Fact]
    public void MakeUpSaturdayWorksMondayHours()
    {
        var calendar = ShanghaiOffice
            .WithHours(DayOfWeek.Monday, Hours("08:30-12:00"), Hours("13:00-17:30"))
            .WithMakeUpWorkingDays(Day(10, 11));

        Assert.True(calendar.IsWorkingDay(Day(10, 11)));
        Assert.Equal([Hours("08:30-12:00"), Hours("13:00-17:30")], calendar.HoursOn(Day(10, 11)));
        Assert.False(calendar.IsWorkingDay(Day(10, 18)));
    }

    [Fact]
    public void MakeUpDayWorksItsOwnHoursWhenGiven()
    {
        var calendar = ShanghaiOffice.WithMakeUpWorkingDays(Day(10, 11)).WithMakeUpDayHours(Hours("10:00-16:00"));

        Assert.Equal([Hours("10:00-16:00")], calendar.HoursOn(Day(10, 11)));
        Assert.Equal([Hours("09:00-18:00")], calendar.HoursOn(Day(10, 13)));
    }

    [Fact]
    public void DateCannotBeBothHolidayAndMakeUpDay()
    {
        var calendar = ShanghaiOffice.WithHolidays(Day(10, 11));

        Assert.Throws<ArgumentException>(() => calendar.WithMakeUpWorkingDays(Day(10, 11)));
    }

    [Fact]
    public void WorkingIntervalsAreInstantsThroughTheZone()
    {
        var intervals = ShanghaiOffice.WorkingIntervalsOn(Day(3, 3));

        var only = Assert.Single(intervals);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero), only.Start);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero), only.End);
        Assert.Equal(TimeSpan.Zero, only.Start.Offset);
        Assert.Equal(TimeSpan.FromHours(9), only.Duration);
    }

    [Fact]
    public void DayWithLunchBreakHasTwoIntervalsInOrder()
    {
        var calendar = ShanghaiOffice.WithHours(DayOfWeek.Monday, Hours("13:30-18:00"), Hours("09:00-12:00"));

        Assert.Equal([Hours("09:00-12:00"), Hours("13:30-18:00")], calendar.HoursOf(DayOfWeek.Monday));
        Assert.Equal(
            [new TimeWindow(Sh(3, 3, 9), Sh(3, 3, 12)), new TimeWindow(Sh(3, 3, 13, 30), Sh(3, 3, 18))],
            calendar.WorkingIntervalsOn(Day(3, 3)));
    }

    [Fact]
    public void OverlappingHoursAreRefused()
    {
        Assert.Throws<ArgumentException>(() => ShanghaiOffice.WithHours(DayOfWeek.Monday, Hours("09:00-12:30"), Hours("12:00-18:00")));
    }

    [Fact]
    public void WithMethodsLeaveTheOriginalUnchanged()
    {
        var original = ShanghaiOffice;

        var changed = original.WithHolidays(Day(3, 3)).WithHours(DayOfWeek.Saturday, Hours("09:00-12:00"));

        Assert.True(original.IsWorkingDay(Day(3, 3)));
        Assert.False(original.IsWorkingDay(Day(3, 8)));
        Assert.False(changed.IsWorkingDay(Day(3, 3)));
        Assert.True(changed.IsWorkingDay(Day(3, 8)));
    }

    [Fact]
    public void LocalDateFollowsTheOrganisationsZoneNotUtc()
    {
        var lateUtcEvening = new DateTimeOffset(2025, 3, 3, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(Day(3, 4), ShanghaiOffice.LocalDateOf(lateUtcEvening));
    }

    [Fact]
    public void CalendarWithNoWorkingTimeLeftFailsInsteadOfLooping()
    {
        var calendar = new BusinessCalendar(Shanghai).WithMakeUpWorkingDays(Day(3, 8)).WithMakeUpDayHours(Hours("09:00-10:00"));

        Assert.Equal(Sh(3, 8, 9, 30), calendar.AddBusinessTime(Sh(3, 3, 9), TimeSpan.FromMinutes(30)));
        Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessTime(Sh(3, 3, 9), TimeSpan.FromHours(2)));
        Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessDays(Sh(3, 8, 9, 30), 1));
    }
}
