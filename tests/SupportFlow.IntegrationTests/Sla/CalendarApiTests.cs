using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Sla.SlaTestKit;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// <c>GET/PUT /api/calendar</c>: the default calendar, and every bad body refused naming its
/// field without changing the calendar. Nothing here changes it, so the tests share one desk.
/// </summary>
public sealed class CalendarApiTests(SlaDeskFixture fixture) : IClassFixture<SlaDeskFixture>
{
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    private readonly Desk _desk = fixture.Desk;

    /// <summary>The default week, Monday to Friday 09:00-18:00, as a PUT body.</summary>
    public static JsonObject Calendar(Action<JsonObject>? change = null)
    {
        var hours = new JsonObject();
        foreach (var day in Weekdays)
        {
            hours[day] = new JsonArray("09:00-18:00");
        }

        var body = new JsonObject
        {
            ["workingHours"] = hours,
            ["holidays"] = new JsonArray(),
            ["makeUpWorkingDays"] = new JsonArray(),
        };
        change?.Invoke(body);
        return body;
    }

    public static JsonObject Day(string date, string? name = null) => new() { ["date"] = date, ["name"] = name };

    private async Task<JsonObject> GetCalendarAsync() => await (await _desk.Admin.GetAsync("/api/calendar")).Json(HttpStatusCode.OK);

    [Fact]
    public async Task TheDefaultCalendarIsMondayToFridayNineToSixInShanghai()
    {
        var calendar = await (await _desk.Engineer.GetAsync("/api/calendar")).Json(HttpStatusCode.OK);

        Assert.Equal("Asia/Shanghai", calendar.Str("timeZone"));
        var hours = calendar["workingHours"]!.AsObject();
        foreach (var day in Weekdays)
        {
            Assert.Equal(["09:00-18:00"], hours[day]!.AsArray().Select(h => h!.GetValue<string>()));
        }

        Assert.Empty(hours["saturday"]!.AsArray());
        Assert.Empty(hours["sunday"]!.AsArray());
        Assert.Empty(calendar["holidays"]!.AsArray());
        Assert.Empty(calendar["makeUpWorkingDays"]!.AsArray());
    }

    [Fact]
    public async Task AReporterMayNotReadTheCalendar()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync("/api/calendar")).StatusCode);
    }

    [Fact]
    public async Task OnlyAnAdminMayChangeTheCalendar()
    {
        var before = (await GetCalendarAsync()).ToJsonString();
        var body = Calendar(b => b["holidays"] = new JsonArray(Day("2026-05-25", "Test holiday")));

        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Supervisor.PutAsJsonAsync("/api/calendar", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Engineer.PutAsJsonAsync("/api/calendar", body)).StatusCode);

        Assert.Equal(before, (await GetCalendarAsync()).ToJsonString());
    }

    public static TheoryData<string, string> BadCalendars => new()
    {
        { """{"workingHours":{"monday":["18:00-09:00"]}}""", "workingHours.monday" },
        { """{"workingHours":{"monday":["09:00-09:00"]}}""", "workingHours.monday" },
        { """{"workingHours":{"monday":["9-18"]}}""", "workingHours.monday" },
        { """{"workingHours":{"tuesday":["09:00-25:00"]}}""", "workingHours.tuesday" },
        { """{"workingHours":{"funday":["09:00-18:00"]}}""", "workingHours" },
        { """{"workingHours":{"monday":[]}}""", "workingHours" },
        { """{"workingHours":{}}""", "workingHours" },
        { """{"workingHours":{"monday":["09:00-18:00"]},"makeUpDayHours":["noon-night"]}""", "makeUpDayHours" },
        { """{"workingHours":{"monday":["09:00-18:00"]},"holidays":[{"date":"2026-02-30"}]}""", "holidays" },
        { """{"workingHours":{"monday":["09:00-18:00"]},"holidays":[{"date":"25/05/2026"}]}""", "holidays" },
        { """{"workingHours":{"monday":["09:00-18:00"]},"holidays":[{"name":"no date"}]}""", "holidays" },
        { """{"workingHours":{"monday":["09:00-18:00"]},"makeUpWorkingDays":[{"date":"2026-13-01"}]}""", "makeUpWorkingDays" },
        { """{"workingHours":{"monday":["09:00-18:00"]},"holidays":[{"date":"2026-10-01"}],"makeUpWorkingDays":[{"date":"2026-10-01"}]}""", "makeUpWorkingDays" },
        { """{"workingHours":{"monday":["09:00-18:00"]},"holidays":[{"date":"2026-10-01"},{"date":"2026-10-01"}]}""", "makeUpWorkingDays" },
    };

    [Theory]
    [MemberData(nameof(BadCalendars))]
    public async Task ABadCalendarIsRefusedNamingTheFieldAndChangesNothing(string body, string field)
    {
        var before = (await GetCalendarAsync()).ToJsonString();

        var response = await _desk.Admin.PutAsync("/api/calendar", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.FieldError(field);
        Assert.Equal(before, (await GetCalendarAsync()).ToJsonString());
    }
}

/// <summary>
/// A calendar change moves the due times of open tickets. Each test sets the clock to Friday
/// 2026-05-22 17:30 Shanghai, where a P3 is due for assignment Monday 17:30, so each has its own desk.
/// </summary>
public sealed class CalendarChangeTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        _desk.AdvanceTo(Sh(5, 22, 17, 30));
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private async Task<JsonObject> PutCalendarAsync(JsonObject body) =>
        await (await _desk.Admin.PutAsJsonAsync("/api/calendar", body)).Json(HttpStatusCode.OK);

    [Fact]
    public async Task AHolidayOnMondayMovesTheFridayP3AssignmentDueToTuesdayAndItsBreachWithIt()
    {
        var waiting = (await _desk.ReportNowAsync("P3")).Str("number");
        var working = (await _desk.ReportNowAsync("P3")).Str("number");
        await TicketTestKit.Ok(_desk.Supervisor.Act(working, "assign", new { assignee = "eng1" }));
        Assert.Equal(Sh(5, 25, 17, 30), (await _desk.TicketAsync(waiting)).DueAt("assignment"));
        Assert.Equal(Sh(5, 27, 17, 30), (await _desk.TicketAsync(working)).DueAt("resolution"));

        var put = await PutCalendarAsync(CalendarApiTests.Calendar(b =>
            b["holidays"] = new JsonArray(CalendarApiTests.Day("2026-05-25", "Test holiday"))));
        var holiday = Assert.Single(put["holidays"]!.AsArray());
        Assert.Equal("2026-05-25", holiday.Str("date"));
        Assert.Equal("Test holiday", holiday.Str("name"));
        await _desk.App.SweepAsync();

        var moved = await _desk.TicketAsync(waiting);
        Assert.Equal(Sh(5, 26, 17, 30), moved.DueAt("assignment"));
        Assert.Equal(Sh(5, 28, 17, 30), moved.DueAt("resolution"));
        Assert.Equal(Sh(5, 28, 17, 30), (await _desk.TicketAsync(working)).DueAt("resolution"));
        var calendar = await (await _desk.Supervisor.GetAsync("/api/calendar")).Json(HttpStatusCode.OK);
        Assert.Equal("2026-05-25", Assert.Single(calendar["holidays"]!.AsArray()).Str("date"));

        // Monday 17:31, the old due time, is no breach any more; Tuesday 17:31 is. (Its 24 h first
        // response, not met, is breached since Saturday: only the assignment is looked at here.)
        _desk.AdvanceTo(Sh(5, 25, 17, 31));
        await _desk.App.SweepAsync();
        Assert.Empty((await _desk.HistoryAsync(waiting)).SlaLines("assignment", "breach"));
        Assert.False((await _desk.TicketAsync(waiting)).Target("assignment").Flag("breached"));

        _desk.AdvanceTo(Sh(5, 26, 17, 31));
        await _desk.App.SweepAsync();
        Assert.True((await _desk.TicketAsync(waiting)).Target("assignment").Flag("breached"));
        Assert.Single((await _desk.HistoryAsync(waiting)).SlaLines("assignment", "breach"));

        // The working ticket's resolution, once due Wednesday 17:30, is now due Thursday.
        _desk.AdvanceTo(Sh(5, 27, 17, 31));
        await _desk.App.SweepAsync();
        Assert.Empty((await _desk.HistoryAsync(working)).SlaLines("resolution", "breach"));
        Assert.DoesNotContain(working, await _desk.Supervisor.AllNumbersAsync("sla=breached"));
    }

    [Fact]
    public async Task AMakeUpSaturdayCountsAsAWorkingDay()
    {
        var number = (await _desk.ReportNowAsync("P3")).Str("number");

        var put = await PutCalendarAsync(CalendarApiTests.Calendar(b =>
            b["makeUpWorkingDays"] = new JsonArray(CalendarApiTests.Day("2026-05-23", "调休上班"))));
        Assert.Equal("调休上班", Assert.Single(put["makeUpWorkingDays"]!.AsArray()).Str("name"));
        await _desk.App.SweepAsync();

        var ticket = await _desk.TicketAsync(number);
        Assert.Equal(Sh(5, 23, 17, 30), ticket.DueAt("assignment"));
        Assert.Equal(Sh(5, 26, 17, 30), ticket.DueAt("resolution")); // Saturday, Monday, Tuesday
        // A ticket received on the make-up Saturday is received on a working day.
        _desk.AdvanceTo(Sh(5, 23, 10, 0));
        var saturday = await _desk.ReportNowAsync("P3");
        Assert.Equal(Sh(5, 25, 10, 0), saturday.DueAt("assignment"));

        // The calendar is replaced as a whole: without the make-up day, Monday 17:30 again.
        await PutCalendarAsync(CalendarApiTests.Calendar());
        await _desk.App.SweepAsync();
        Assert.Equal(Sh(5, 25, 17, 30), (await _desk.TicketAsync(number)).DueAt("assignment"));
        var calendar = await (await _desk.Admin.GetAsync("/api/calendar")).Json(HttpStatusCode.OK);
        Assert.Empty(calendar["makeUpWorkingDays"]!.AsArray());
    }

    [Fact]
    public async Task AMakeUpDayWithShorterHoursEndsTheBusinessDayAtItsClose()
    {
        var number = (await _desk.ReportNowAsync("P3")).Str("number");

        var put = await PutCalendarAsync(CalendarApiTests.Calendar(b =>
        {
            b["makeUpWorkingDays"] = new JsonArray(CalendarApiTests.Day("2026-05-23"));
            b["makeUpDayHours"] = new JsonArray("09:00-12:00");
        }));
        Assert.Equal(["09:00-12:00"], put["makeUpDayHours"]!.AsArray().Select(h => h!.GetValue<string>()));
        await _desk.App.SweepAsync();

        Assert.Equal(Sh(5, 23, 12, 0), (await _desk.TicketAsync(number)).DueAt("assignment"));
    }

    [Fact]
    public async Task ChangedWorkingHoursApplyToTheOpenTickets()
    {
        var number = (await _desk.ReportNowAsync("P3")).Str("number");

        // Friday closes at 17:00 and Monday runs 09:00-12:00, 13:00-19:00: one business day from
        // Friday 17:30 (after the close) is the close of Monday.
        await PutCalendarAsync(CalendarApiTests.Calendar(b =>
        {
            b["workingHours"]!["friday"] = new JsonArray("09:00-17:00");
            b["workingHours"]!["monday"] = new JsonArray("09:00-12:00", "13:00-19:00");
        }));
        await _desk.App.SweepAsync();

        Assert.Equal(Sh(5, 25, 19, 0), (await _desk.TicketAsync(number)).DueAt("assignment"));
        var calendar = await (await _desk.Admin.GetAsync("/api/calendar")).Json(HttpStatusCode.OK);
        Assert.Equal(["09:00-12:00", "13:00-19:00"], calendar["workingHours"]!["monday"]!.AsArray().Select(h => h!.GetValue<string>()));
    }
}
