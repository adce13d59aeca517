using System.Net;
using System.Text;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// <c>calendar import --file x.ics</c> run as a real process on a data folder; a server started on
/// the same folder then shows the imported holidays and make-up working days.
/// </summary>
public sealed class CalendarImportCliTests : IDisposable
{
    /// <summary>National Day 2026: 1-3 October off (DTEND is exclusive), Sunday 27 September worked.</summary>
    private const string NationalDay =
        "BEGIN:VCALENDAR\r\n" +
        "VERSION:2.0\r\n" +
        "PRODID:-//SupportFlow tests//holidays//ZH\r\n" +
        "BEGIN:VEVENT\r\n" +
        "UID:national-day-2026@example.com\r\n" +
        "DTSTAMP:20260101T000000Z\r\n" +
        "DTSTART;VALUE=DATE:20261001\r\n" +
        "DTEND;VALUE=DATE:20261004\r\n" +
        "SUMMARY:国庆节\r\n" +
        "END:VEVENT\r\n" +
        "BEGIN:VEVENT\r\n" +
        "UID:national-day-2026-makeup@example.com\r\n" +
        "DTSTAMP:20260101T000000Z\r\n" +
        "DTSTART;VALUE=DATE:20260927\r\n" +
        "SUMMARY:国庆节调休上班\r\n" +
        "END:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    private readonly string _folder = CliProcess.NewFolder("calendar");

    private string DataDirectory => Path.Combine(_folder, "data");

    private string Write(string name, string text)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private async Task<(HttpClient Admin, SupportFlowApp App)> ServerAsync()
    {
        var app = new SupportFlowApp(DataDirectory);
        await app.CreateUserAsync("admin", "admin");
        return (await app.ClientForAsync("admin"), app);
    }

    [Fact]
    public async Task ImportingAnIcsFileAddsItsHolidaysAndMakeUpWorkingDays()
    {
        var file = Write("holidays.ics", NationalDay);

        var result = await CliProcess.RunAsync(["calendar", "import", "--file", file], DataDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("3 holidays", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 make-up working day", result.Stdout, StringComparison.Ordinal);

        // Importing the same file again replaces those dates rather than adding them twice.
        var again = await CliProcess.RunAsync(["calendar", "import", "--file", file], DataDirectory);
        Assert.True(again.ExitCode == 0, again.ToString());

        var (admin, app) = await ServerAsync();
        using (app)
        {
            var calendar = await (await admin.GetAsync("/api/calendar")).Json(HttpStatusCode.OK);
            var holidays = calendar["holidays"]!.AsArray();
            Assert.Equal(["2026-10-01", "2026-10-02", "2026-10-03"], holidays.Select(h => h.Str("date")));
            Assert.All(holidays, h => Assert.Equal("国庆节", h.Str("name")));
            var makeUp = Assert.Single(calendar["makeUpWorkingDays"]!.AsArray());
            Assert.Equal("2026-09-27", makeUp.Str("date"));
            Assert.Equal("国庆节调休上班", makeUp.Str("name"));
            // The working week itself is untouched.
            Assert.Equal("09:00-18:00", calendar["workingHours"]!["monday"]![0]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("empty.ics", "")]
    [InlineData("alice.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice\r\nEND:VCARD\r\n")]
    public async Task AFileWithoutACalendarExitsWithTwoAndImportsNothing(string name, string text)
    {
        await AssertRefusedAsync(Write(name, text));
    }

    [Fact]
    public async Task AFileThatIsNotICalendarExitsWithTwoAndImportsNothing()
    {
        await AssertRefusedAsync(Write("holidays.csv", "date,name\n2026-10-01,国庆节\n2026-10-02,国庆节\n"));
    }

    private async Task AssertRefusedAsync(string file)
    {
        var result = await CliProcess.RunAsync(["calendar", "import", "--file", file], DataDirectory);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--file", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        var (admin, app) = await ServerAsync();
        using (app)
        {
            var calendar = await (await admin.GetAsync("/api/calendar")).Json(HttpStatusCode.OK);
            Assert.Empty(calendar["holidays"]!.AsArray());
            Assert.Empty(calendar["makeUpWorkingDays"]!.AsArray());
        }
    }

    [Fact]
    public async Task AMissingFileExitsWithTwo()
    {
        var result = await CliProcess.RunAsync(["calendar", "import", "--file", Path.Combine(_folder, "nowhere.ics")], DataDirectory);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("nowhere.ics", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => CliProcess.DeleteQuietly(_folder);
}
