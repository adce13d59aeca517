using SupportFlow.Sla;
using static SupportFlow.Tests.Sla.SlaTime;

namespace SupportFlow.Tests.Sla;

/// <summary>
/// Berlin: 30 Mar 2025 02:00 CET jumps to 03:00 CEST; 26 Oct 2025 03:00 CEST falls back to 02:00 CET.
/// New York: 9 Mar 2025 02:00 EST jumps to 03:00 EDT; 2 Nov 2025 02:00 EDT falls back to 01:00 EST.
/// </summary>
public class DaylightSavingTests
{
    private static readonly BusinessCalendar BerlinOffice = BusinessCalendar.Default(Berlin);
    private static readonly BusinessCalendar NewYorkOffice = BusinessCalendar.Default(NewYork);

    [Fact]
    public void OneBusinessDayOverSpringForwardKeepsTheLocalTime()
    {
        Assert.Equal(At(3, 31, 17, 30, +2), BerlinOffice.AddBusinessDays(At(3, 28, 17, 30, +1), 1));
    }

    [Fact]
    public void OneBusinessDayOverFallBackKeepsTheLocalTime()
    {
        Assert.Equal(At(11, 3, 17, 30, -5), NewYorkOffice.AddBusinessDays(At(10, 31, 17, 30, -4), 1));
    }

    [Fact]
    public void BusinessHoursOverSpringForwardCountOnlyWorkingTime()
    {
        Assert.Equal(At(3, 10, 10, 0, -4), NewYorkOffice.AddBusinessTime(At(3, 7, 17, 0, -5), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), NewYorkOffice.BusinessTimeBetween(At(3, 7, 17, 0, -5), At(3, 10, 10, 0, -4)));
    }

    [Fact]
    public void WorkingDayOnTheChangeDayKeepsItsNineHours()
    {
        var calendar = BerlinOffice.WithMakeUpWorkingDays(Day(3, 30), Day(10, 26));

        var spring = Assert.Single(calendar.WorkingIntervalsOn(Day(3, 30)));
        var autumn = Assert.Single(calendar.WorkingIntervalsOn(Day(10, 26)));

        Assert.Equal(new TimeWindow(At(3, 30, 9, 0, +2), At(3, 30, 18, 0, +2)), spring);
        Assert.Equal(new TimeWindow(At(10, 26, 9, 0, +1), At(10, 26, 18, 0, +1)), autumn);
    }

    [Fact]
    public void HoursAcrossTheChangeLastTheRealTimeBetweenTheirEnds()
    {
        var calendar = BerlinOffice.WithHours(DayOfWeek.Sunday, Hours("00:00-06:00"));

        Assert.Equal(TimeSpan.FromHours(5), Assert.Single(calendar.WorkingIntervalsOn(Day(3, 30))).Duration);
        Assert.Equal(TimeSpan.FromHours(6), Assert.Single(calendar.WorkingIntervalsOn(Day(4, 6))).Duration);
        Assert.Equal(TimeSpan.FromHours(7), Assert.Single(calendar.WorkingIntervalsOn(Day(10, 26))).Duration);
    }

    [Fact]
    public void HoursStartingInTheSkippedHourStartWhenTheClockJumps()
    {
        var calendar = BerlinOffice.WithHours(DayOfWeek.Sunday, Hours("02:30-04:00"));

        var window = Assert.Single(calendar.WorkingIntervalsOn(Day(3, 30)));

        Assert.Equal(new TimeWindow(At(3, 30, 3, 0, +2), At(3, 30, 4, 0, +2)), window);
    }

    [Fact]
    public void HoursWhollyInsideTheSkippedHourDoNotExistThatDay()
    {
        var calendar = new BusinessCalendar(Berlin).WithHours(DayOfWeek.Sunday, Hours("02:10-02:50"));

        Assert.Empty(calendar.WorkingIntervalsOn(Day(3, 30)));
        Assert.Single(calendar.WorkingIntervalsOn(Day(4, 6)));
        Assert.Equal(At(4, 6, 2, 20, +2), calendar.AddBusinessTime(At(3, 29, 12, 0, +1), TimeSpan.FromMinutes(10)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(45)]
    [InlineData(59)]
    public void EveryStartInTheSkippedHourBeginsWhenTheClockJumps(int minute)
    {
        var calendar = new BusinessCalendar(NewYork).WithHours(DayOfWeek.Sunday, new WorkingHours(new TimeOnly(2, minute), new TimeOnly(5, 0)));

        var window = Assert.Single(calendar.WorkingIntervalsOn(Day(3, 9)));

        Assert.Equal(At(3, 9, 3, 0, -4), window.Start);
    }

    [Fact]
    public void DaySwallowedByTheClockChangeIsNotABusinessDay()
    {
        var calendar = new BusinessCalendar(Berlin).WithHours(DayOfWeek.Sunday, Hours("02:10-02:50"));

        Assert.Equal(At(4, 6, 2, 20, +2), calendar.AddBusinessDays(At(3, 23, 2, 20, +1), 1));
    }

    [Fact]
    public void HoursStartingInTheRepeatedHourStartAtItsFirstOccurrence()
    {
        var calendar = BerlinOffice.WithHours(DayOfWeek.Sunday, Hours("02:30-04:00"));

        var window = Assert.Single(calendar.WorkingIntervalsOn(Day(10, 26)));

        Assert.Equal(new TimeWindow(At(10, 26, 2, 30, +2), At(10, 26, 4, 0, +1)), window);
        Assert.Equal(TimeSpan.FromMinutes(150), window.Duration);
    }

    [Fact]
    public void WallClockTargetCountsRealHoursAcrossTheChange()
    {
        var due = SlaTarget.Hours(24).DueFrom(At(3, 29, 12, 0, +1), BerlinOffice);

        Assert.Equal(At(3, 30, 13, 0, +2), due);
    }

    [Fact]
    public void ShanghaiHasNoClockChangeAllYear()
    {
        foreach (var date in new[] { Day(1, 6), Day(3, 31), Day(7, 7), Day(11, 3) })
        {
            var window = Assert.Single(ShanghaiOffice.WorkingIntervalsOn(date));
            Assert.Equal(new DateTimeOffset(date.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero), window.Start);
        }
    }
}
