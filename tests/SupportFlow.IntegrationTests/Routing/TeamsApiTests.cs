using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Users;

namespace SupportFlow.IntegrationTests.Routing;

/// <summary>The admin API for teams: who is responsible, and how their tickets reach a person.</summary>
public sealed class TeamsApiTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private HttpClient Admin => _desk.Admin;

    [Theory]
    [InlineData("manual")]
    [InlineData("roundRobin")]
    [InlineData("leastLoaded")]
    public async Task AnAdminCreatesATeamWithMembersAndAnAssignmentMode(string mode)
    {
        var name = $"Network {mode}";
        var response = await Admin.PostAsJsonAsync("/api/teams", new { name, members = new[] { "ENG2", "sup1" }, assignmentMode = mode });

        var team = await response.Json(HttpStatusCode.Created);
        Assert.NotNull(response.Headers.Location);
        Assert.Equal(name, team["name"]!.GetValue<string>());
        Assert.Equal(["eng2", "sup1"], team["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(mode, team["assignmentMode"]!.GetValue<string>());

        var fetched = await (await Admin.GetAsync(response.Headers.Location)).Json(HttpStatusCode.OK);
        Assert.Equal(team.ToJsonString(), fetched.ToJsonString());
        var eng2 = await (await Admin.GetAsync("/api/users/eng2")).Json(HttpStatusCode.OK);
        Assert.Contains(name, eng2["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task ATeamWithoutModeOrMembersIsManualAndEmpty()
    {
        var team = await (await Admin.PostAsJsonAsync("/api/teams", new { name = "Facilities" })).Json(HttpStatusCode.Created);

        Assert.Equal("manual", team["assignmentMode"]!.GetValue<string>());
        Assert.Empty(team["members"]!.AsArray());
    }

    public static TheoryData<string, string> BadTeams => new()
    {
        { """{"members":["eng1"]}""", "name" },
        { """{"name":"  "}""", "name" },
        { """{"name":"Bad mode","assignmentMode":"random"}""", "assignmentMode" },
        { """{"name":"Bad mode","assignmentMode":"1"}""", "assignmentMode" },
        { """{"name":"Bad member","members":["eng1","ghost"]}""", "members" },
        { """{"name":"Bad member","members":["alice"]}""", "members" },
        { """{"name":"Bad member","members":"eng1"}""", "members" },
    };

    [Theory]
    [MemberData(nameof(BadTeams))]
    public async Task BadInputIsA400NamingTheFieldAndCreatesNothing(string body, string field)
    {
        var response = await Admin.PostAsync("/api/teams", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.FieldError(field);
        var teams = await (await Admin.GetAsync("/api/teams")).JsonArray();
        Assert.DoesNotContain(teams, t => t!["name"]!.GetValue<string>() is "Bad mode" or "Bad member" or "");
    }

    [Fact]
    public async Task ATeamNameThatIsTakenIsAConflict()
    {
        var response = await Admin.PostAsJsonAsync("/api/teams", new { name = Desk.SystemsTeam, members = new[] { "eng2" } });

        await response.Json(HttpStatusCode.Conflict);
        var systems = await (await Admin.GetAsync($"/api/teams/{Desk.Url(Desk.SystemsTeam)}")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain("eng2", systems["members"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task TheListHoldsEveryTeamByName()
    {
        var teams = await (await Admin.GetAsync("/api/teams")).JsonArray();

        var names = teams.Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(Desk.SystemsTeam, names);
        Assert.Contains(Desk.HardwareTeam, names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var systems = teams.Single(t => t!["name"]!.GetValue<string>() == Desk.SystemsTeam)!;
        Assert.Equal(["eng1", "sup1"], systems["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        await (await Admin.GetAsync("/api/teams/Nowhere")).Json(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutReplacesMembersAndModeAndKeepsWhatIsLeftOut()
    {
        (await Admin.PostAsJsonAsync("/api/teams", new { name = "Database", members = new[] { "eng1" }, assignmentMode = "manual" }))
            .EnsureSuccessStatusCode();

        var updated = await (await Admin.PutAsJsonAsync("/api/teams/Database",
            new { members = new[] { "eng2", "sup1" }, assignmentMode = "leastLoaded" })).Json(HttpStatusCode.OK);
        Assert.Equal(["eng2", "sup1"], updated["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("leastLoaded", updated["assignmentMode"]!.GetValue<string>());

        var modeOnly = await (await Admin.PutAsJsonAsync("/api/teams/Database", new { assignmentMode = "roundRobin" })).Json(HttpStatusCode.OK);
        Assert.Equal(["eng2", "sup1"], modeOnly["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        var fetched = await (await Admin.GetAsync("/api/teams/Database")).Json(HttpStatusCode.OK);
        Assert.Equal("roundRobin", fetched["assignmentMode"]!.GetValue<string>());
        var eng1 = await (await Admin.GetAsync("/api/users/eng1")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain("Database", eng1["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task PutValidatesAndChangesNothingOnBadInput()
    {
        (await Admin.PostAsJsonAsync("/api/teams", new { name = "Security", members = new[] { "eng1" } })).EnsureSuccessStatusCode();

        await (await Admin.PutAsJsonAsync("/api/teams/Security", new { members = new[] { "bob" } })).FieldError("members");
        await (await Admin.PutAsJsonAsync("/api/teams/Security", new { members = new[] { "ghost" } })).FieldError("members");
        await (await Admin.PutAsJsonAsync("/api/teams/Security", new { assignmentMode = "lottery" })).FieldError("assignmentMode");
        await (await Admin.PutAsJsonAsync("/api/teams/Nowhere", new { assignmentMode = "manual" })).Json(HttpStatusCode.NotFound);

        var team = await (await Admin.GetAsync("/api/teams/Security")).Json(HttpStatusCode.OK);
        Assert.Equal(["eng1"], team["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("manual", team["assignmentMode"]!.GetValue<string>());
    }

    [Fact]
    public async Task RenamingATeamOntoAnotherTeamsNameIsAConflict()
    {
        (await Admin.PostAsJsonAsync("/api/teams", new { name = "Storage" })).EnsureSuccessStatusCode();

        await (await Admin.PutAsJsonAsync("/api/teams/Storage", new { name = Desk.HardwareTeam })).Json(HttpStatusCode.Conflict);

        await (await Admin.GetAsync("/api/teams/Storage")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ATeamIsRenamedAndItsModulesFollow()
    {
        (await Admin.PostAsJsonAsync("/api/teams", new { name = "Telephony" })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/modules", new { name = "Desk phones", category = "hardware", team = "Telephony" }))
            .EnsureSuccessStatusCode();

        var renamed = await (await Admin.PutAsJsonAsync("/api/teams/Telephony", new { name = "Voice" })).Json(HttpStatusCode.OK);

        Assert.Equal("Voice", renamed["name"]!.GetValue<string>());
        await (await Admin.GetAsync("/api/teams/Telephony")).Json(HttpStatusCode.NotFound);
        var module = await (await Admin.GetAsync("/api/modules/Desk phones")).Json(HttpStatusCode.OK);
        Assert.Equal("Voice", module["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATeamCannotBeDeletedWhileAModuleUsesIt()
    {
        (await Admin.PostAsJsonAsync("/api/teams", new { name = "Printing", members = new[] { "eng2" } })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/modules", new { name = "Floor 2 printer", category = "hardware", team = "Printing" }))
            .EnsureSuccessStatusCode();

        await (await Admin.DeleteAsync("/api/teams/Printing")).Json(HttpStatusCode.Conflict);
        await (await Admin.GetAsync("/api/teams/Printing")).Json(HttpStatusCode.OK);

        (await Admin.PutAsJsonAsync("/api/modules/Floor 2 printer", new { team = Desk.HardwareTeam })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync("/api/teams/Printing")).StatusCode);
        await (await Admin.GetAsync("/api/teams/Printing")).Json(HttpStatusCode.NotFound);
        var eng2 = await (await Admin.GetAsync("/api/users/eng2")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain("Printing", eng2["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
        await (await Admin.DeleteAsync("/api/teams/Printing")).Json(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ATeamNameWithASlashIsEitherRefusedOrAddressable()
    {
        var response = await Admin.PostAsJsonAsync("/api/teams", new { name = "Ops/Network" });

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            await response.FieldError("name");
            return;
        }

        await response.Json(HttpStatusCode.Created);
        var fetched = await (await Admin.GetAsync($"/api/teams/{Uri.EscapeDataString("Ops/Network")}")).Json(HttpStatusCode.OK);
        Assert.Equal("Ops/Network", fetched["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task StaffReadTeamsButOnlyAnAdminChangesThem()
    {
        foreach (var staff in new[] { _desk.Engineer, _desk.Supervisor })
        {
            var teams = await (await staff.GetAsync("/api/teams")).JsonArray();
            Assert.Contains(teams, t => t!["name"]!.GetValue<string>() == Desk.SystemsTeam);
            await (await staff.GetAsync($"/api/teams/{Desk.Url(Desk.SystemsTeam)}")).Json(HttpStatusCode.OK);
            await (await staff.PostAsJsonAsync("/api/teams", new { name = "Rogue" })).Json(HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await staff.PutAsJsonAsync($"/api/teams/{Desk.Url(Desk.SystemsTeam)}", new { assignmentMode = "roundRobin" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.DeleteAsync($"/api/teams/{Desk.Url(Desk.HardwareTeam)}")).StatusCode);
        }

        await (await Admin.GetAsync("/api/teams/Rogue")).Json(HttpStatusCode.NotFound);
        var systems = await (await Admin.GetAsync($"/api/teams/{Desk.Url(Desk.SystemsTeam)}")).Json(HttpStatusCode.OK);
        Assert.Equal("manual", systems["assignmentMode"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReporterCannotReadTeams()
    {
        await (await _desk.Alice.GetAsync("/api/teams")).Json(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync($"/api/teams/{Desk.Url(Desk.SystemsTeam)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.PostAsJsonAsync("/api/teams", new { name = "Mine" })).StatusCode);
        using var anonymous = _desk.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/teams")).StatusCode);
    }
}
