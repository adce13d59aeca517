using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Users;

namespace SupportFlow.IntegrationTests.Routing;

/// <summary>The admin API for modules, and a new ticket going straight to its module's team.</summary>
public sealed class ModulesApiTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private HttpClient Admin => _desk.Admin;

    [Fact]
    public async Task AnAdminCreatesAModuleAndReadsItBack()
    {
        var response = await Admin.PostAsJsonAsync("/api/modules", new { name = "ERP V5.1", category = "system", team = Desk.SystemsTeam });

        var module = await response.Json(HttpStatusCode.Created);
        Assert.Equal(("ERP V5.1", "system", Desk.SystemsTeam),
            (module["name"]!.GetValue<string>(), module["category"]!.GetValue<string>(), module["team"]!.GetValue<string>()));
        Assert.NotNull(response.Headers.Location);
        var fetched = await (await Admin.GetAsync(response.Headers.Location)).Json(HttpStatusCode.OK);
        Assert.Equal(module.ToJsonString(), fetched.ToJsonString());
        var list = await (await Admin.GetAsync("/api/modules")).JsonArray();
        Assert.Contains(list, m => m!["name"]!.GetValue<string>() == "ERP V5.1");
    }

    [Fact]
    public async Task TheListHoldsEveryModuleByName()
    {
        var modules = await (await Admin.GetAsync("/api/modules")).JsonArray();

        var names = modules.Select(m => m!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(Desk.SalesModule, names);
        Assert.Contains(Desk.Printer, names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var printer = modules.Single(m => m!["name"]!.GetValue<string>() == Desk.Printer)!;
        Assert.Equal(("hardware", Desk.HardwareTeam), (printer["category"]!.GetValue<string>(), printer["team"]!.GetValue<string>()));
        await (await Admin.GetAsync("/api/modules/No such module")).Json(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> BadModules => new()
    {
        { $$"""{"category":"system","team":"{{Desk.SystemsTeam}}"}""", "name" },
        { $$"""{"name":"Bad module","team":"{{Desk.SystemsTeam}}"}""", "category" },
        { $$"""{"name":"Bad module","category":" ","team":"{{Desk.SystemsTeam}}"}""", "category" },
        { """{"name":"Bad module","category":"system","team":" "}""", "team" },
        { """{"name":"Bad module","category":"system","team":"Nowhere"}""", "team" },
        { """{"name":"Bad module","category":"system","team":42}""", "team" },
    };

    [Theory]
    [MemberData(nameof(BadModules))]
    public async Task BadInputIsA400NamingTheFieldAndCreatesNothing(string body, string field)
    {
        var response = await Admin.PostAsync("/api/modules", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.FieldError(field);
        await (await Admin.GetAsync("/api/modules/Bad module")).Json(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AModuleNameThatIsTakenIsAConflict()
    {
        var response = await Admin.PostAsJsonAsync("/api/modules", new { name = Desk.SalesModule, category = "hardware", team = Desk.HardwareTeam });

        await response.Json(HttpStatusCode.Conflict);
        var sales = await (await Admin.GetAsync($"/api/modules/{Desk.Url(Desk.SalesModule)}")).Json(HttpStatusCode.OK);
        Assert.Equal(Desk.SystemsTeam, sales["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutChangesCategoryAndTeamAndValidates()
    {
        (await Admin.PostAsJsonAsync("/api/modules", new { name = "VPN gateway", category = "system", team = Desk.SystemsTeam }))
            .EnsureSuccessStatusCode();

        var updated = await (await Admin.PutAsJsonAsync("/api/modules/VPN gateway", new { category = "network", team = Desk.HardwareTeam }))
            .Json(HttpStatusCode.OK);
        Assert.Equal(("network", Desk.HardwareTeam), (updated["category"]!.GetValue<string>(), updated["team"]!.GetValue<string>()));

        await (await Admin.PutAsJsonAsync("/api/modules/VPN gateway", new { team = "Nowhere" })).FieldError("team");
        await (await Admin.PutAsJsonAsync("/api/modules/VPN gateway", new { category = "" })).FieldError("category");
        await (await Admin.PutAsJsonAsync("/api/modules/No such module", new { category = "x" })).Json(HttpStatusCode.NotFound);
        var fetched = await (await Admin.GetAsync("/api/modules/VPN gateway")).Json(HttpStatusCode.OK);
        Assert.Equal(updated.ToJsonString(), fetched.ToJsonString());
    }

    [Fact]
    public async Task AModuleIsRenamed()
    {
        (await Admin.PostAsJsonAsync("/api/modules", new { name = "Wiki V1", category = "system", team = Desk.SystemsTeam }))
            .EnsureSuccessStatusCode();

        var renamed = await (await Admin.PutAsJsonAsync("/api/modules/Wiki V1", new { name = "Wiki V2" })).Json(HttpStatusCode.OK);

        Assert.Equal("Wiki V2", renamed["name"]!.GetValue<string>());
        await (await Admin.GetAsync("/api/modules/Wiki V1")).Json(HttpStatusCode.NotFound);
        await (await Admin.GetAsync("/api/modules/Wiki V2")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RenamingAModuleOntoAnotherModulesNameIsAConflict()
    {
        (await Admin.PostAsJsonAsync("/api/modules", new { name = "Badge reader", category = "hardware", team = Desk.HardwareTeam }))
            .EnsureSuccessStatusCode();

        await (await Admin.PutAsJsonAsync("/api/modules/Badge reader", new { name = Desk.Printer })).Json(HttpStatusCode.Conflict);

        await (await Admin.GetAsync("/api/modules/Badge reader")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AModuleNameWithASlashIsEitherRefusedOrAddressable()
    {
        var response = await Admin.PostAsJsonAsync("/api/modules", new { name = "CRM/ERP bridge V2", category = "system", team = Desk.SystemsTeam });

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            await response.FieldError("name");
            return;
        }

        await response.Json(HttpStatusCode.Created);
        var fetched = await (await Admin.GetAsync($"/api/modules/{Uri.EscapeDataString("CRM/ERP bridge V2")}")).Json(HttpStatusCode.OK);
        Assert.Equal("CRM/ERP bridge V2", fetched["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AModuleWithoutTicketsIsDeleted()
    {
        (await Admin.PostAsJsonAsync("/api/modules", new { name = "Old fax", category = "hardware", team = Desk.HardwareTeam }))
            .EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync("/api/modules/Old fax")).StatusCode);

        await (await Admin.GetAsync("/api/modules/Old fax")).Json(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync("/api/modules/Old fax")).Json(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AModuleWithTicketsCannotBeDeleted()
    {
        (await Admin.PostAsJsonAsync("/api/modules", new { name = "Mail server", category = "system", team = Desk.SystemsTeam }))
            .EnsureSuccessStatusCode();
        var number = await _desk.ReportAsync(change: b => b["module"] = "Mail server");

        await (await Admin.DeleteAsync("/api/modules/Mail server")).Json(HttpStatusCode.Conflict);

        await (await Admin.GetAsync("/api/modules/Mail server")).Json(HttpStatusCode.OK);
        var ticket = await (await Admin.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Equal("Mail server", ticket["module"]!.GetValue<string>());
    }

    [Fact]
    public async Task ANewTicketGoesToItsModulesTeamAtOnce()
    {
        (await Admin.PostAsJsonAsync("/api/teams", new { name = "Network", members = new[] { "eng2" }, assignmentMode = "manual" }))
            .EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/modules", new { name = "Core switch 3F", category = "network", team = "Network" }))
            .EnsureSuccessStatusCode();

        var created = await (await _desk.Alice.PostAsJsonAsync("/api/tickets", Desk.Report(b => b["module"] = "Core switch 3F")))
            .Json(HttpStatusCode.Created);

        Assert.Equal("Network", created["team"]!.GetValue<string>());
        Assert.Equal("network", created["category"]!.GetValue<string>());
        var number = created["number"]!.GetValue<string>();
        var seenByTeam = await (await _desk.OtherEngineer.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Equal("Network", seenByTeam["team"]!.GetValue<string>());
        var queue = await (await Admin.GetAsync("/api/tickets?team=Network")).Json(HttpStatusCode.OK);
        Assert.Contains(queue["items"]!.AsArray(), t => t!["number"]!.GetValue<string>() == number);
    }

    [Fact]
    public async Task MovingAModuleToAnotherTeamRoutesTheNextTicketThere()
    {
        (await Admin.PostAsJsonAsync("/api/modules", new { name = "Projector 5F", category = "hardware", team = Desk.SystemsTeam }))
            .EnsureSuccessStatusCode();
        var first = await _desk.ReportAsync(change: b => b["module"] = "Projector 5F");

        (await Admin.PutAsJsonAsync("/api/modules/Projector 5F", new { team = Desk.HardwareTeam })).EnsureSuccessStatusCode();
        var second = await _desk.ReportAsync(change: b => b["module"] = "Projector 5F");

        var firstTicket = await (await Admin.GetAsync($"/api/tickets/{first}")).Json(HttpStatusCode.OK);
        var secondTicket = await (await Admin.GetAsync($"/api/tickets/{second}")).Json(HttpStatusCode.OK);
        Assert.Equal(Desk.SystemsTeam, firstTicket["team"]!.GetValue<string>());
        Assert.Equal(Desk.HardwareTeam, secondTicket["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReporterReadsModulesForTheReportFormButCannotChangeThem()
    {
        var modules = await (await _desk.Alice.GetAsync("/api/modules")).JsonArray();
        Assert.Contains(modules, m => m!["name"]!.GetValue<string>() == Desk.SalesModule);
        await (await _desk.Alice.GetAsync($"/api/modules/{Desk.Url(Desk.Printer)}")).Json(HttpStatusCode.OK);

        await (await _desk.Alice.PostAsJsonAsync("/api/modules", new { name = "Mine", category = "system", team = Desk.SystemsTeam }))
            .Json(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _desk.Alice.PutAsJsonAsync($"/api/modules/{Desk.Url(Desk.Printer)}", new { team = Desk.SystemsTeam })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.DeleteAsync($"/api/modules/{Desk.Url(Desk.Printer)}")).StatusCode);
        await (await Admin.GetAsync("/api/modules/Mine")).Json(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StaffReadModulesButOnlyAnAdminChangesThem()
    {
        foreach (var staff in new[] { _desk.Engineer, _desk.Supervisor })
        {
            await (await staff.GetAsync("/api/modules")).JsonArray();
            await (await staff.PostAsJsonAsync("/api/modules", new { name = "Theirs", category = "system", team = Desk.SystemsTeam }))
                .Json(HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await staff.PutAsJsonAsync($"/api/modules/{Desk.Url(Desk.SalesModule)}", new { category = "x" })).StatusCode);
        }

        using var anonymous = _desk.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/modules")).StatusCode);
        var sales = await (await Admin.GetAsync($"/api/modules/{Desk.Url(Desk.SalesModule)}")).Json(HttpStatusCode.OK);
        Assert.Equal("system", sales["category"]!.GetValue<string>());
    }
}
