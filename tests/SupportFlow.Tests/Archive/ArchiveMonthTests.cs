using SupportFlow.Archive;

namespace SupportFlow.Tests.Archive;

public sealed class ArchiveMonthTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2026-05", 2026, 5)]
    [InlineData("1999-12", 0, 0)]
    [InlineData("2026-13", 0, 0)]
    [InlineData("2026-00", 0, 0)]
    [InlineData("2026-5", 0, 0)]
    [InlineData("26-05-01", 0, 0)]
    [InlineData("", 0, 0)]
    public void OnlyYyyyMmParses(string text, int year, int month)
    {
        var parsed = ArchiveMonth.TryParse(text, out var result);
        Assert.Equal(year != 0, parsed);
        if (parsed)
        {
            Assert.Equal(new ArchiveMonth(year, month), result);
            Assert.Equal(text, result.ToString());
        }
    }

    [Fact]
    public void AMonthRunsFromMidnightOfItsFirstDayInTheOrganisationsZone()
    {
        var may = new ArchiveMonth(2026, 5);
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero), may.Start(Shanghai));
        Assert.Equal(new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero), may.End(Shanghai));
        // 30 April 23:30 in Shanghai is still April there, though it is 15:30 UTC on the 30th.
        Assert.Equal(new ArchiveMonth(2026, 4), ArchiveMonth.Of(new DateTimeOffset(2026, 4, 30, 23, 30, 0, TimeSpan.FromHours(8)), Shanghai));
        Assert.Equal(may, ArchiveMonth.Of(new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero), Shanghai));
        // Berlin: winter time in March, summer time from the last Sunday of March.
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero), new ArchiveMonth(2026, 3).Start(Berlin));
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero), new ArchiveMonth(2026, 3).End(Berlin));
    }

    [Fact]
    public void MonthArithmeticCrossesYears()
    {
        Assert.Equal(new ArchiveMonth(2025, 12), new ArchiveMonth(2026, 1).Previous);
        Assert.Equal(new ArchiveMonth(2027, 1), new ArchiveMonth(2026, 12).Next);
        Assert.Equal(new ArchiveMonth(2025, 5), new ArchiveMonth(2026, 5).AddMonths(-12));
        Assert.True(new ArchiveMonth(2025, 12) < new ArchiveMonth(2026, 1));
    }

    [Fact]
    public void TheArchiveOfAMonthIsDueOnTheNextMonthsFirstDayAt0100()
    {
        var beforeOne = new DateTimeOffset(2026, 6, 1, 0, 59, 0, TimeSpan.FromHours(8));
        var atOne = new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new ArchiveMonth(2026, 4), ArchiveSchedule.DueMonth(beforeOne, Shanghai));
        Assert.Equal(new ArchiveMonth(2026, 5), ArchiveSchedule.DueMonth(atOne, Shanghai));
        Assert.Equal(new ArchiveMonth(2026, 5), ArchiveSchedule.DueMonth(atOne.AddDays(20), Shanghai));
        Assert.Equal(atOne, ArchiveSchedule.NextRun(beforeOne, Shanghai));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 1, 0, 0, TimeSpan.FromHours(8)), ArchiveSchedule.NextRun(atOne, Shanghai));
    }

    [Fact]
    public void PurgingIsRefusedForMonthsYoungerThanTheRetentionPeriodWhichIsNeverBelowTwelve()
    {
        var now = new DateTimeOffset(2027, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new ArchiveMonth(2026, 6), RetentionRule.LatestBefore(now, Shanghai, 12));
        Assert.Equal(new ArchiveMonth(2026, 6), RetentionRule.LatestBefore(now, Shanghai, 3)); // 3 is raised to 12
        Assert.Equal(new ArchiveMonth(2025, 6), RetentionRule.LatestBefore(now, Shanghai, 24));
        Assert.Null(RetentionRule.Refusal(new ArchiveMonth(2026, 6), now, Shanghai, 12));
        var refusal = RetentionRule.Refusal(new ArchiveMonth(2026, 7), now, Shanghai, 12);
        Assert.Contains("2026-06 are younger than the retention period of 12 months", refusal?.ToString(), StringComparison.Ordinal);
        Assert.True(RetentionRule.Expired(now.AddMonths(-12), now, 12));
        Assert.False(RetentionRule.Expired(now.AddMonths(-12).AddMinutes(1), now, 12));
    }

    [Fact]
    public void TheManifestNamesEachChangedMissingOrUnlistedFile()
    {
        var manifest = new ArchiveManifest("2026-05", DateTimeOffset.UnixEpoch, "Asia/Shanghai", 1, 1, 0,
            [new("tickets.csv", 10, "aa"), new("tickets.xlsx", 20, "bb"), new("tickets.jsonl", 30, "cc")]);
        Assert.Empty(manifest.Differences([new("tickets.csv", 10, "AA"), new("tickets.xlsx", 20, "bb"), new("tickets.jsonl", 30, "cc")]));
        Assert.Equal(
            ["tickets.csv: changed (SHA-256 ab, manifest says aa)", "tickets.jsonl: missing", "extra.txt: not in the manifest"],
            manifest.Differences([new("tickets.csv", 10, "ab"), new("tickets.xlsx", 20, "bb"), new("extra.txt", 1, "dd")]));
    }
}
