using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Sla;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Sla.SlaTestKit;

namespace SupportFlow.IntegrationTests.Reports;

/// <summary>
/// A week of tickets made through the API at known times (Asia/Shanghai, so every local time below
/// is UTC+8), for the report tests to check against figures computed by hand. The period under
/// test is Monday 18 to Sunday 24 May 2026; the reports are read on Monday 25 May at 10:00.
/// <code>
/// #   received (local)  by      prio module  channel  what happened                                          reporter dept
/// T0  Sun 17 20:00      eng1 records a call  P3 Sales phone  nothing (still new)                              alice  Sales
/// T1  Mon 18 09:00      alice   P2   Sales   portal   09:05 assigned eng1; 09:45 resolved; 10:00 confirmed 5★ "很快，谢谢"  Sales
/// T2  Mon 18 10:00      bob     P3   Printer email    10:20 assigned eng2; 10:40 resolved; 11:00 "not solved" 2★ "还是卡纸"
///                                                     (reopened); 12:00 resolved again (no workaround)     Finance
/// T3  Tue 19 09:00      alice   P4   Sales   portal   09:30 assigned eng1; 09:40 resolved; 09:50 confirmed 4★   Sales
/// T4  Tue 19 14:00      eng1 records a call for bob  P1 Sales phone  14:05 sup1's public update; 14:15 assigned eng1;
///                                                     16:15 resolved with a workaround                     Finance
/// T5  Wed 20 09:00      alice   P3   Sales   chat     09:40 assigned eng1, started (in progress)           Sales
/// T6  Wed 20 10:00      bob     P2   Printer portal   10:05 cancelled                                        Finance
/// T7  Thu 21 11:00      alice   P4   Printer portal   nothing (new, unassigned)                             Sales
/// T8  Mon 25 08:00      alice   P4   Sales   portal   nothing (after the period)                            Sales
/// </code>
/// Modules: <see cref="Desk.SalesModule"/> (category system, team 系统组), <see cref="Desk.Printer"/> (hardware, 硬件组 Hardware).
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    /// <summary>Monday 18 May 2026 08:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Monday = Sh(5, 18, 8, 0);

    public Desk Desk { get; private set; } = null!;

    public Dictionary<string, string> Numbers { get; } = new(StringComparer.Ordinal);

    public const string Week = "from=2026-05-18&to=2026-05-24";

    public async Task InitializeAsync()
    {
        Desk = await Desk.OpenAsync(new SupportFlowApp(clock: new FakeTimeProvider(Monday)));
        var d = Desk;
        Numbers["T0"] = (await CallAsync("alice", "P3", Desk.SalesModule, Sh(5, 17, 20, 0))).Str("number");

        Numbers["T1"] = await ReportAtAsync(d.Alice, Sh(5, 18, 9, 0), "P2", Desk.SalesModule, "portal");
        d.AdvanceTo(Sh(5, 18, 9, 5));
        await Ok(d.Supervisor.Act(Numbers["T1"], "assign", new { assignee = "eng1" }));
        d.AdvanceTo(Sh(5, 18, 9, 45));
        await Ok(d.Engineer.Act(Numbers["T1"], "resolve", new { solution = "Rebuilt the session index" }));

        Numbers["T2"] = await ReportAtAsync(d.Bob, Sh(5, 18, 10, 0), "P3", Desk.Printer, "email");
        d.AdvanceTo(Sh(5, 18, 10, 0));
        await Ok(d.Alice.Act(Numbers["T1"], "confirm", new { resolved = true, rating = 5, comment = "很快，谢谢" }));
        d.AdvanceTo(Sh(5, 18, 10, 20));
        await Ok(d.Supervisor.Act(Numbers["T2"], "assign", new { assignee = "eng2" }));
        d.AdvanceTo(Sh(5, 18, 10, 40));
        await Ok(d.OtherEngineer.Act(Numbers["T2"], "resolve", new { solution = "Cleared the paper path" }));
        d.AdvanceTo(Sh(5, 18, 11, 0));
        await Ok(d.Bob.Act(Numbers["T2"], "confirm", new { resolved = false, rating = 2, comment = "还是卡纸" }));
        d.AdvanceTo(Sh(5, 18, 12, 0));
        await Ok(d.OtherEngineer.Act(Numbers["T2"], "resolve", new { solution = "Replaced the pickup roller" }));

        Numbers["T3"] = await ReportAtAsync(d.Alice, Sh(5, 19, 9, 0), "P4", Desk.SalesModule, "portal");
        d.AdvanceTo(Sh(5, 19, 9, 30));
        await Ok(d.Supervisor.Act(Numbers["T3"], "assign", new { assignee = "eng1" }));
        d.AdvanceTo(Sh(5, 19, 9, 40));
        await Ok(d.Engineer.Act(Numbers["T3"], "resolve", new { solution = "Reset the password" }));
        d.AdvanceTo(Sh(5, 19, 9, 50));
        await Ok(d.Alice.Act(Numbers["T3"], "confirm", new { resolved = true, rating = 4 }));

        d.AdvanceTo(Sh(5, 19, 14, 0));
        Numbers["T4"] = (await CallAsync("bob", "P1", Desk.SalesModule, Sh(5, 19, 14, 0))).Str("number");
        d.AdvanceTo(Sh(5, 19, 14, 5));
        await Ok(d.Supervisor.Act(Numbers["T4"], "update", new { message = "We are on it." }));
        d.AdvanceTo(Sh(5, 19, 14, 15));
        await d.App.SweepAsync(); // the assignment breach (due 14:10) is recorded before the assignment comes in
        await Ok(d.Supervisor.Act(Numbers["T4"], "assign", new { assignee = "eng1" }));
        d.AdvanceTo(Sh(5, 19, 16, 15));
        await Ok(d.Engineer.Act(Numbers["T4"], "resolve", new { solution = "Restarted the order service", workaround = "Orders by phone" }));

        Numbers["T5"] = await ReportAtAsync(d.Alice, Sh(5, 20, 9, 0), "P3", Desk.SalesModule, "chat");
        d.AdvanceTo(Sh(5, 20, 9, 40));
        await Ok(d.Supervisor.Act(Numbers["T5"], "assign", new { assignee = "eng1" }));
        await Ok(d.Engineer.Act(Numbers["T5"], "start"));

        Numbers["T6"] = await ReportAtAsync(d.Bob, Sh(5, 20, 10, 0), "P2", Desk.Printer, "portal");
        d.AdvanceTo(Sh(5, 20, 10, 5));
        await Ok(d.Supervisor.Act(Numbers["T6"], "cancel", new { reason = "Duplicate" }));

        Numbers["T7"] = await ReportAtAsync(d.Alice, Sh(5, 21, 11, 0), "P4", Desk.Printer, "portal");
        Numbers["T8"] = await ReportAtAsync(d.Alice, Sh(5, 25, 8, 0), "P4", Desk.SalesModule, "portal");
        d.AdvanceTo(Sh(5, 25, 10, 0));
    }

    public async Task DisposeAsync() => await Desk.DisposeAsync();

    private static Task<JsonObject> Ok(Task<HttpResponseMessage> action) => TicketTestKit.Ok(action);

    /// <summary>Moves the clock to <paramref name="at"/> and has the reporter report there and then.</summary>
    private async Task<string> ReportAtAsync(HttpClient reporter, DateTimeOffset at, string priority, string module, string channel)
    {
        Desk.AdvanceTo(at);
        var response = await reporter.PostJsonAsync("/api/tickets", Desk.Report(b =>
        {
            b["priority"] = priority;
            b["module"] = module;
            b["channel"] = channel;
            b["occurredAt"] = Iso(at.AddMinutes(-10));
        }));
        return (await response.Json(HttpStatusCode.Created)).Str("number");
    }

    /// <summary>eng1 records a phone call of <paramref name="reporter"/> received at <paramref name="receivedAt"/>.</summary>
    private async Task<JsonObject> CallAsync(string reporter, string priority, string module, DateTimeOffset receivedAt)
    {
        var response = await Desk.Engineer.PostJsonAsync("/api/tickets", Desk.Report(b =>
        {
            b["priority"] = priority;
            b["module"] = module;
            b["channel"] = "phone";
            b["occurredAt"] = Iso(receivedAt.AddMinutes(-10));
            b["receivedAt"] = Iso(receivedAt);
            b["reporter"] = new JsonObject
            {
                ["login"] = reporter, ["name"] = reporter == "bob" ? Desk.BobName : Desk.AliceName,
                ["department"] = reporter == "bob" ? Desk.FinanceDepartment : Desk.SalesDepartment,
            };
        }));
        return await response.Json(HttpStatusCode.Created);
    }
}
