using SupportFlow.Common;
using SupportFlow.Reports;

namespace SupportFlow.Tests.Reports;

public sealed class ReportPeriodTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Today = new(2026, 5, 20);

    private static readonly DateTimeOffset Now = new(2026, 5, 20, 12, 0, 0, TimeSpan.FromHours(8));

    private static (ReportPeriod Period, IDictionary<string, string[]> Errors) Parse(string? from, string? to) =>
        ParseAt(from, to) is var (period, _, _, errors) ? (period, errors) : default;

    private static (ReportPeriod Period, DateTimeOffset Start, DateTimeOffset End, IDictionary<string, string[]> Errors) ParseAt(
        string? from, string? to)
    {
        var errors = new RequestErrors();
        var (period, start, end) = ReportPeriod.Parse(errors, from, to, new OrganizationTime(Shanghai), Now);
        return (period, start, end, errors.ToDictionary());
    }

    [Fact]
    public void BothDaysAreIncludedFromMidnightToMidnightInTheOrganisationsZone()
    {
        var (period, errors) = Parse("2026-05-01", "2026-05-31");
        Assert.Empty(errors);
        Assert.Equal(31, period.Days);
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero), period.Start(Shanghai));
        Assert.Equal(new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero), period.End(Shanghai));
    }

    [Fact]
    public void DatesAreWholeDaysOfTheOrganisationsZoneAndTimesAreTakenAsGiven()
    {
        var days = ParseAt("2026-05-01", "2026-05-31");
        Assert.Equal((new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero)),
            (days.Start, days.End));

        var times = ParseAt("2026-05-01T09:00+08:00", "2026-05-02T01:30Z");
        Assert.Empty(times.Errors);
        Assert.Equal((new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 2, 1, 30, 0, TimeSpan.Zero)),
            (times.Start, times.End));
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 2)), times.Period); // 09:30 in Shanghai

        var mixed = ParseAt("2026-05-01", "2026-05-01T18:00+08:00");
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), mixed.End);
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1)), mixed.Period);
    }

    [Fact]
    public void ADayOfClockChangeIsTwentyThreeHoursLong()
    {
        // Berlin springs forward on Sunday 29 March 2026: 02:00 becomes 03:00.
        var period = new ReportPeriod(new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29));
        Assert.Equal(TimeSpan.FromHours(23), period.End(Berlin) - period.Start(Berlin));
    }

    [Fact]
    public void WithoutDatesAReportCoversTheLastThirtyDaysUpToToday()
    {
        var (period, errors) = Parse(null, "");
        Assert.Empty(errors);
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 4, 21), Today), period);

        var (fromOnlyTo, _) = Parse(null, "2026-03-31");
        Assert.Equal(new DateOnly(2026, 3, 2), fromOnlyTo.From);
    }

    [Theory]
    [InlineData("2026-5-1", "2026-05-31", "from")]
    [InlineData("2026-05-01T00:00", "2026-05-31", "from")]
    [InlineData("yesterday", "2026-05-31", "from")]
    [InlineData("2026-02-30", "2026-05-31", "from")]
    [InlineData("1999-12-31", "2026-05-31", "from")]
    [InlineData("2026-05-01", "31/05/2026", "to")]
    [InlineData("2026-05-31", "2026-05-01", "to")]
    [InlineData("2020-01-01", "2026-05-31", "to")]
    public void ABadDateOrPeriodNamesItsField(string from, string to, string field)
    {
        var (_, errors) = Parse(from, to);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void TwoBadDatesAreBothNamed()
    {
        var (_, errors) = Parse("x", "y");
        Assert.Equal(["from", "to"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OneDayAndThreeYearsAreAllowed()
    {
        Assert.Empty(Parse("2026-05-20", "2026-05-20").Errors);
        Assert.Empty(Parse("2023-05-21", "2026-05-20").Errors); // 1096 days
        Assert.Equal(["to"], Parse("2023-05-20", "2026-05-20").Errors.Keys);
    }
}
