using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// Cross-department tickets: a supervisor names the responsible department and adds collaborating
/// ones, whose engineers may then log work; members of other departments may not.
/// </summary>
public sealed class CrossDepartmentTests : IAsyncLifetime
{
    private Desk _desk = null!;
    private HttpClient _network = null!;
    private HttpClient _operations = null!;
    private HttpClient _networkReporter = null!;

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        await _desk.App.CreateUserAsync("net1", "engineer", department: "Network");
        await _desk.App.CreateUserAsync("ops1", "engineer", department: "Operations");
        await _desk.App.CreateUserAsync("netrep", "reporter", department: "Network");
        _network = await _desk.App.ClientForAsync("net1");
        _operations = await _desk.App.ClientForAsync("ops1");
        _networkReporter = await _desk.App.ClientForAsync("netrep");
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private static object Worklog(string text) => new { text, method = "remote" };

    private async Task<JsonArray> HistoryAsync(string number) =>
        await (await _desk.Supervisor.GetAsync($"/api/tickets/{number}/history")).JsonArray();

    [Fact]
    public async Task ACollaboratingDepartmentsEngineerLogsWorkAndAnEngineerOfAnUnrelatedDepartmentMayNot()
    {
        var number = await _desk.ReportAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await _network.Act(number, "worklog", Worklog("Before anyone asked"))).StatusCode);

        var ticket = await (await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/departments",
            new { department = "Network", reason = "Firewall between sales and the ERP" })).Json(HttpStatusCode.OK);
        Assert.Equal(["Network"], ticket["collaboratingDepartments"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Null(ticket["responsibleDepartment"]);

        (await _network.Act(number, "worklog", Worklog("Opened port 8443 on the sales VLAN"))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await _operations.Act(number, "worklog", Worklog("Not my business"))).StatusCode);
        // Collaborating is logging work: updating the reporter and resolving stay with the responsible team.
        Assert.Equal(HttpStatusCode.Forbidden, (await _network.Act(number, "update", new { message = "Fixed" })).StatusCode);
        // A department being involved does not make each of its employees a party to the ticket.
        Assert.Equal(HttpStatusCode.NotFound, (await _networkReporter.GetAsync($"/api/tickets/{number}")).StatusCode);

        var history = await HistoryAsync(number);
        var added = Assert.Single(history, h => h!["action"]!.GetValue<string>() == "department")!;
        Assert.Equal("collaboratingDepartment", added["field"]!.GetValue<string>());
        Assert.Equal("Network", added["newValue"]!.GetValue<string>());
        Assert.Equal("Firewall between sales and the ERP", added["note"]!.GetValue<string>());
        Assert.Equal("sup1", added["actor"]!["login"]!.GetValue<string>());
        Assert.Contains(history, h => h!["action"]!.GetValue<string>() == "worklog" && h["actor"]!["login"]!.GetValue<string>() == "net1");
        Assert.DoesNotContain(history, h => h!["actor"]!["login"]!.GetValue<string>() == "ops1");

        ticket = await (await _desk.Supervisor.DeleteAsync($"/api/tickets/{number}/departments/Network")).Json(HttpStatusCode.OK);
        Assert.Empty(ticket["collaboratingDepartments"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await _network.Act(number, "worklog", Worklog("After leaving"))).StatusCode);
        var removed = (await HistoryAsync(number)).Last(h => h!["action"]!.GetValue<string>() == "department")!;
        Assert.Equal("Network", removed["oldValue"]!.GetValue<string>());
        Assert.Null(removed["newValue"]);
    }

    [Fact]
    public async Task ATicketHasOneResponsibleDepartmentWhoseEngineersLogWorkToo()
    {
        var number = await _desk.ReportAsync();
        (await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/departments", new { department = "Network" }))
            .EnsureSuccessStatusCode();

        var ticket = await (await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/departments",
            new { department = "Network", responsible = true, reason = "The fault is in the network" })).Json(HttpStatusCode.OK);
        Assert.Equal("Network", ticket["responsibleDepartment"]!.GetValue<string>());
        Assert.Empty(ticket["collaboratingDepartments"]!.AsArray());

        ticket = await (await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/departments",
            new { department = "Operations", responsible = true })).Json(HttpStatusCode.OK);
        Assert.Equal("Operations", ticket["responsibleDepartment"]!.GetValue<string>());
        Assert.Empty(ticket["collaboratingDepartments"]!.AsArray());
        (await _operations.Act(number, "worklog", Worklog("Rebooted the core switch"))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await _network.Act(number, "worklog", Worklog("No longer ours"))).StatusCode);

        var lines = (await HistoryAsync(number)).Where(h => h!["field"]?.GetValue<string>() == "responsibleDepartment").ToList();
        Assert.Equal([(null, "Network"), ("Network", "Operations")],
            lines.Select(l => (l!["oldValue"]?.GetValue<string>(), l["newValue"]!.GetValue<string>())));
        Assert.Equal("The fault is in the network", lines[0]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyASupervisorCoordinatesDepartments()
    {
        var number = await _desk.ReportAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Engineer.PostAsJsonAsync($"/api/tickets/{number}/departments",
            new { department = "Network" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Bob.PostAsJsonAsync($"/api/tickets/{number}/departments",
            new { department = "Network" })).StatusCode);
        Assert.DoesNotContain(await HistoryAsync(number), h => h!["action"]!.GetValue<string>() == "department");
    }

    [Fact]
    public async Task BadDepartmentRequestsAreFieldErrorsAndChangeNothing()
    {
        var number = await _desk.ReportAsync();
        var before = await (await _desk.Supervisor.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        var lines = (await HistoryAsync(number)).Count;

        await (await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/departments", new { department = "" }))
            .FieldError("department");
        await (await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/departments", new { department = "Nowhere" }))
            .FieldError("department");
        await (await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/departments",
            new { department = "Network", reason = new string('x', 1001) })).FieldError("reason");
        await (await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/departments", new { department = 5 }))
            .FieldError("department");
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Supervisor.DeleteAsync($"/api/tickets/{number}/departments/Network")).StatusCode);

        var after = await (await _desk.Supervisor.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Equal(before["updatedAt"]!.GetValue<DateTimeOffset>(), after["updatedAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty(after["collaboratingDepartments"]!.AsArray());
        Assert.Equal(lines, (await HistoryAsync(number)).Count);
    }

    [Fact]
    public async Task ACancelledTicketTakesNoNewDepartment()
    {
        var number = await _desk.ReportAsync();
        (await _desk.Supervisor.Act(number, "cancel", new { reason = "Duplicate" })).EnsureSuccessStatusCode();

        var problem = await (await _desk.Supervisor.PostAsJsonAsync($"/api/tickets/{number}/departments", new { department = "Network" }))
            .Json(HttpStatusCode.Conflict);
        Assert.Contains("cancelled", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
