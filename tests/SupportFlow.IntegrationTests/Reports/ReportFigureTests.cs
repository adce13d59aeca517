using System.Net;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Reports.ReportFixture;

namespace SupportFlow.IntegrationTests.Reports;

/// <summary>
/// Every report's figures over the week of <see cref="ReportFixture"/>, computed by hand in the
/// comments from the table there (all times Shanghai; minutes are wall-clock from receipt).
/// </summary>
public sealed class ReportFigureTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private async Task<JsonObject> Report(string name, string query = Week) =>
        await (await _desk.Supervisor.GetAsync($"/api/reports/{name}?{query}")).Json(HttpStatusCode.OK);

    private static List<(string? Key, int Tickets)> Counts(JsonNode? counts) =>
        [.. counts!.AsArray().Select(c => (c!["key"]?.GetValue<string>(), c["tickets"]!.GetValue<int>()))];

    [Fact]
    public async Task VolumeCountsTheTicketsReceivedInThePeriodByDayModuleCategoryChannelPriorityAndDepartment()
    {
        var volume = await Report("volume");
        Assert.Equal("2026-05-18", volume.Str("from"));
        Assert.Equal("2026-05-24", volume.Str("to"));
        // T1-T7: T0 (Sunday 17) and T8 (Monday 25) fall outside; the cancelled T6 was received all the same.
        Assert.Equal(7, volume["tickets"]!.GetValue<int>());
        // Mon 18: T1 T2; Tue 19: T3 T4; Wed 20: T5 T6; Thu 21: T7; Fri-Sun: none (listed as zero).
        Assert.Equal(
            [("2026-05-18", 2), ("2026-05-19", 2), ("2026-05-20", 2), ("2026-05-21", 1), ("2026-05-22", 0), ("2026-05-23", 0), ("2026-05-24", 0)],
            Counts(volume["series"]));
        // Sales: T1 T3 T4 T5; printer: T2 T6 T7. Most first.
        Assert.Equal([(Desk.SalesModule, 4), (Desk.Printer, 3)], Counts(volume["byModule"]));
        Assert.Equal([("system", 4), ("hardware", 3)], Counts(volume["byCategory"]));
        // portal: T1 T3 T6 T7; email T2; phone T4; chat T5 (ties by name).
        Assert.Equal([("portal", 4), ("chat", 1), ("email", 1), ("phone", 1)], Counts(volume["byChannel"]));
        // P1: T4; P2: T1 T6; P3: T2 T5; P4: T3 T7 (in priority order).
        Assert.Equal([("P1", 1), ("P2", 2), ("P3", 2), ("P4", 2)], Counts(volume["byPriority"]));
        // Alice (Sales): T1 T3 T5 T7; Bob (Finance): T2 T4 (his call) T6.
        Assert.Equal([(Desk.SalesDepartment, 4), (Desk.FinanceDepartment, 3)], Counts(volume["byDepartment"]));
    }

    [Fact]
    public async Task VolumeGroupsByWeekAndMonthInTheOrganisationsZone()
    {
        // Sunday 17 May 20:00 to Monday 25 May 08:00: T0 lies in the week of Monday 11, T8 in that of the 25th.
        var weeks = await Report("volume", "from=2026-05-17&to=2026-05-25&groupBy=week");
        Assert.Equal([("2026-05-11", 1), ("2026-05-18", 7), ("2026-05-25", 1)], Counts(weeks["series"]));
        Assert.Equal("week", weeks.Str("groupBy"));

        var months = await Report("volume", "from=2026-04-01&to=2026-05-31&groupBy=month");
        Assert.Equal([("2026-04-01", 0), ("2026-05-01", 9)], Counts(months["series"]));

        // One day: Monday 18 alone holds T1 and T2.
        var monday = await Report("volume", "from=2026-05-18&to=2026-05-18");
        Assert.Equal(2, monday["tickets"]!.GetValue<int>());
    }

    [Fact]
    public async Task FiltersNarrowEveryCountToTheChosenModuleTeamDepartmentPriorityAndChannel()
    {
        // The printer's tickets are the hardware team's: T2 T6 T7.
        Assert.Equal(3, (await Report("volume", $"{Week}&module={Uri.EscapeDataString(Desk.Printer)}"))["tickets"]!.GetValue<int>());
        Assert.Equal(3, (await Report("volume", $"{Week}&team={Desk.Url(Desk.HardwareTeam)}"))["tickets"]!.GetValue<int>());
        // 财务部: T2 T4 T6.
        Assert.Equal(3, (await Report("volume", $"{Week}&department={Desk.Url(Desk.FinanceDepartment)}"))["tickets"]!.GetValue<int>());
        // P3 and P4: T2 T3 T5 T7; portal: T1 T3 T6 T7; portal and P4: T3 T7.
        Assert.Equal(4, (await Report("volume", $"{Week}&priority=P3,P4"))["tickets"]!.GetValue<int>());
        Assert.Equal(4, (await Report("volume", $"{Week}&channel=portal"))["tickets"]!.GetValue<int>());
        var both = await Report("volume", $"{Week}&channel=portal&priority=P4");
        Assert.Equal([("P4", 2)], Counts(both["byPriority"]));

        // The systems team's engineers: eng1 alone (T2 was eng2's, in 硬件组 Hardware).
        var engineers = await Report("engineers", $"{Week}&team={Desk.Url(Desk.SystemsTeam)}");
        Assert.Equal(["eng1"], engineers["engineers"]!.AsArray().Select(e => e.Str("login")));
    }

    [Fact]
    public async Task TimesAreTheMeanAndNinetiethPercentileOfTheMinutesToRespondAssignAndResolve()
    {
        var times = (await Report("times"))["steps"]!.AsArray();

        (int Tickets, double? Mean, double? P90) Step(string step, string? priority)
        {
            var row = times.Single(s => s.Str("step") == step && s!["priority"]?.GetValue<string>() == priority)!;
            return (row["tickets"]!.GetValue<int>(), row["meanMinutes"]?.GetValue<double>(), row["p90Minutes"]?.GetValue<double>());
        }

        // T6 (cancelled) is left out; T7 never reached a step.
        // Respond: T1 5 (the assignment's acknowledgement), T2 20, T3 30, T4 5 (sup1's update at 14:05), T5 40.
        // Sorted 5 5 20 30 40: mean 100 / 5 = 20; p90 = rank ⌈0.9 × 5⌉ = 5 -> 40.
        Assert.Equal((5, 20.0, 40.0), Step("respond", null));
        // Assign: T1 5, T2 20, T3 30, T4 15, T5 40. Sorted 5 15 20 30 40: mean 110 / 5 = 22; p90 -> 40.
        Assert.Equal((5, 22.0, 40.0), Step("assign", null));
        // Resolve (the latest resolution): T1 45, T2 120 (12:00 after the reopen), T3 40, T4 135.
        // Sorted 40 45 120 135: mean 340 / 4 = 85; p90 = rank ⌈3.6⌉ = 4 -> 135.
        Assert.Equal((4, 85.0, 135.0), Step("resolve", null));

        // Per priority. P1 = T4: 5 / 15 / 135. P2 = T1 (T6 cancelled): 5 / 5 / 45.
        Assert.Equal((1, 5.0, 5.0), Step("respond", "P1"));
        Assert.Equal((1, 15.0, 15.0), Step("assign", "P1"));
        Assert.Equal((1, 135.0, 135.0), Step("resolve", "P1"));
        Assert.Equal((1, 45.0, 45.0), Step("resolve", "P2"));
        // P3 = T2, T5: respond 20, 40 -> mean 30, p90 rank ⌈1.8⌉ = 2 -> 40; resolved only T2: 120.
        Assert.Equal((2, 30.0, 40.0), Step("respond", "P3"));
        Assert.Equal((1, 120.0, 120.0), Step("resolve", "P3"));
        // P4 = T3, T7: only T3 responded (30).
        Assert.Equal((1, 30.0, 30.0), Step("respond", "P4"));
    }

    [Fact]
    public async Task TheReopenRateIsTheShareOfResolvedTicketsThatCameBack()
    {
        // Resolved at least once: T1 T2 T3 T4 (T5 in progress, T6 cancelled, T7 new). Came back: T2, once.
        var reopens = await Report("reopens");
        Assert.Equal(4, reopens["resolved"]!.GetValue<int>());
        Assert.Equal(1, reopens["reopened"]!.GetValue<int>());
        Assert.Equal(1, reopens["reopens"]!.GetValue<int>());
        Assert.Equal(0.25, reopens["rate"]!.GetValue<double>());
    }

    [Fact]
    public async Task TheSimpleShareCountsResolvedP3AndP4TicketsWithoutWorkaroundSolvedWithinThirtyMinutesOfAssignment()
    {
        // Resolved P3/P4 without workaround: T2 (P3: assigned 10:20, finally resolved 12:00 = 100 min: late)
        // and T3 (P4: assigned 09:30, resolved 09:40 = 10 min: in time). T5 and T7 are unresolved.
        var simple = await Report("simple");
        Assert.Equal(2, simple["simple"]!.GetValue<int>());
        Assert.Equal(1, simple["withinTarget"]!.GetValue<int>());
        Assert.Equal(0.5, simple["share"]!.GetValue<double>());
        Assert.Equal(30, simple["targetMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task SatisfactionAveragesTheRatingsCountsEachStarAndListsTheComments()
    {
        // T1 5★, T2 2★ (given with "not solved"), T3 4★: (5 + 2 + 4) / 3 = 3.666... -> 3.67.
        var satisfaction = await Report("satisfaction");
        Assert.Equal(3, satisfaction["rated"]!.GetValue<int>());
        Assert.Equal(3.67, satisfaction["average"]!.GetValue<double>());
        Assert.Equal([0, 1, 0, 1, 1], satisfaction["distribution"]!.AsArray().Select(n => n!.GetValue<int>()));
        // T3 came without a comment; the newest ticket first: T2 (10:00) before T1 (09:00).
        Assert.Equal(2, satisfaction["commentCount"]!.GetValue<int>());
        var comments = satisfaction["comments"]!.AsArray();
        Assert.Equal([fixture.Numbers["T2"], fixture.Numbers["T1"]], comments.Select(c => c.Str("number")));
        Assert.Equal(["还是卡纸", "很快，谢谢"], comments.Select(c => c.Str("comment")));
        Assert.Equal(2, comments[0]!["rating"]!.GetValue<int>());
    }

    [Fact]
    public async Task EngineersShowTheirOpenTicketsNowAndWhatTheyResolvedInThePeriod()
    {
        // Open now with an owner: T5 (eng1). Resolved in the week: eng1 T1 T3 T4, eng2 T2 (12:00 Monday).
        // Open without an owner: T0, T7, T8 (workload is now, whatever the period).
        var report = await Report("engineers");
        var engineers = report["engineers"]!.AsArray();
        Assert.Equal(["eng1", "eng2"], engineers.Select(e => e.Str("login")));
        Assert.Equal((1, 3), (engineers[0]!["open"]!.GetValue<int>(), engineers[0]!["resolved"]!.GetValue<int>()));
        Assert.Equal((0, 1), (engineers[1]!["open"]!.GetValue<int>(), engineers[1]!["resolved"]!.GetValue<int>()));
        Assert.Equal(3, report["unassigned"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheBacklogIsTheOpenTicketsByAgeNow()
    {
        // Now: Monday 25 May 10:00. Open: T8 (2 h), T7 (3 d 23 h), T5 (5 d 1 h; in progress), T0 (7 d 14 h).
        // Resolved, closed and cancelled tickets are not backlog.
        var backlog = await Report("backlog");
        Assert.Equal(4, backlog["open"]!.GetValue<int>());
        Assert.Equal(
            [("< 4 h", 1), ("4-24 h", 0), ("1-3 d", 0), ("3-7 d", 2), ("> 7 d", 1)],
            backlog["ages"]!.AsArray().Select(a => (a.Str("age"), a!["tickets"]!.GetValue<int>())));
    }

    [Fact]
    public async Task AttainmentIsTheSlaReportOfThePeriodsFilteredTickets()
    {
        // Six tickets measured (T6 cancelled); the same figures as /api/reports/sla over the same instants.
        var attainment = await Report("attainment");
        Assert.Equal(6, attainment["tickets"]!.GetValue<int>());
        var sla = await (await _desk.Supervisor.GetAsync(
            "/api/reports/sla?from=2026-05-18T00:00%2B08:00&to=2026-05-25T00:00%2B08:00")).Json(HttpStatusCode.OK);
        Assert.Equal(sla["priorities"]!.ToJsonString(), attainment["priorities"]!.ToJsonString());

        // T4 (P1): assigned after 15 minutes against a 10-minute target: breached; answered in 5 of 15: met.
        var p1 = Assert.Single((await Report("attainment", $"{Week}&priority=P1"))["priorities"]!.AsArray())!;
        Assert.Equal(1, p1["assignment"]!["breached"]!.GetValue<int>());
        Assert.Equal(1, p1["firstResponse"]!["metOnTime"]!.GetValue<int>());
    }
}
