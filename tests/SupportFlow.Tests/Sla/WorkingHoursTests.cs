using SupportFlow.Sla;

namespace SupportFlow.Tests.Sla;

public class WorkingHoursTests
{
    [Theory]
    [InlineData("09:00-18:00", 9 * 60)]
    [InlineData("13:30-18:00", 4 * 60 + 30)]
    [InlineData("22:00-24:00", 2 * 60)]
    public void ParsesAndFormatsTheSameText(string text, int minutes)
    {
        var hours = WorkingHours.Parse(text);

        Assert.Equal(text, hours.ToString());
        Assert.Equal(TimeSpan.FromMinutes(minutes), hours.Length);
    }

    [Fact]
    public void EndOfTwentyFourHundredIsMidnightEndingTheDay()
    {
        var hours = WorkingHours.Parse("22:00-24:00");

        Assert.True(hours.EndsAtMidnight);
        Assert.Equal(TimeOnly.MinValue, hours.End);
    }

    [Theory]
    [InlineData(18, 9)]
    [InlineData(9, 9)]
    public void HoursThatDoNotEndAfterTheyStartAreRefused(int startHour, int endHour)
    {
        Assert.Throws<ArgumentException>(() => new WorkingHours(new TimeOnly(startHour, 0), new TimeOnly(endHour, 0)));
    }

    [Theory]
    [InlineData("09:00")]
    [InlineData("9-18")]
    [InlineData("09:00-18:00-19:00")]
    public void MalformedTextIsRefused(string text)
    {
        Assert.Throws<FormatException>(() => WorkingHours.Parse(text));
    }
}
