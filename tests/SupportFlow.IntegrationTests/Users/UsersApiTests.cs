using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Users;

/// <summary>The admin API for users: <c>POST/GET/PUT/DELETE /api/users</c>, and who may call it.</summary>
public sealed class UsersApiTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private HttpClient Admin => _desk.Admin;

    [Fact]
    public async Task AnAdminCreatesAUserAndGetsItBackWithALocation()
    {
        var response = await Admin.PostAsJsonAsync("/api/users", new
        {
            login = "carol", name = "Carol 陈", role = "engineer", department = "Network Ops", teams = new[] { Desk.SystemsTeam },
            email = "carol@example.com", phone = "+86 21 5555 0101", password = "correct horse battery",
        });

        var user = await response.Json(HttpStatusCode.Created);
        Assert.Equal("/api/users/carol", response.Headers.Location?.OriginalString);
        Assert.Equal("carol", user["login"]!.GetValue<string>());
        Assert.Equal("Carol 陈", user["name"]!.GetValue<string>());
        Assert.Equal("engineer", user["role"]!.GetValue<string>());
        Assert.Equal("Network Ops", user["department"]!.GetValue<string>());
        Assert.Equal([Desk.SystemsTeam], user["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("carol@example.com", user["email"]!.GetValue<string>());
        Assert.Equal("+86 21 5555 0101", user["phone"]!.GetValue<string>());
        Assert.True(user["active"]!.GetValue<bool>());
        Assert.True(user["available"]!.GetValue<bool>());
        Assert.Equal(DateTimeOffset.Parse("2026-05-20T06:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
            user["createdAt"]!.GetValue<DateTimeOffset>());

        var fetched = await (await Admin.GetAsync(response.Headers.Location)).Json(HttpStatusCode.OK);
        Assert.Equal("Carol 陈", fetched["name"]!.GetValue<string>());
        var team = await (await Admin.GetAsync($"/api/teams/{Desk.Url(Desk.SystemsTeam)}")).Json(HttpStatusCode.OK);
        Assert.Contains("carol", team["members"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task ThePasswordIsNeverEchoed()
    {
        const string password = "do-not-echo-me-42";
        var response = await Admin.PostAsJsonAsync("/api/users",
            new { login = "dora", name = "Dora", role = "reporter", password });
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = JsonNode.Parse(text)!.AsObject();

        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(user, p => p.Key.Contains("password", StringComparison.OrdinalIgnoreCase));
        foreach (var path in new[] { "/api/users/dora", "/api/users" })
        {
            var read = await (await Admin.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(password, read, StringComparison.Ordinal);
            Assert.DoesNotContain("password", read, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task NamingANewDepartmentOnAUserCreatesItAndItIsListed()
    {
        var before = await (await Admin.GetAsync("/api/departments")).JsonArray();
        Assert.DoesNotContain(before, d => d!["name"]!.GetValue<string>() == "Warehouse 仓库");

        (await Admin.PostAsJsonAsync("/api/users", new { login = "wang", name = "Wang", role = "reporter", department = "Warehouse 仓库" }))
            .EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/users", new { login = "li", name = "Li", role = "reporter", department = "Warehouse 仓库" }))
            .EnsureSuccessStatusCode();

        var after = await (await Admin.GetAsync("/api/departments")).JsonArray();
        Assert.Single(after, d => d!["name"]!.GetValue<string>() == "Warehouse 仓库");
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    [InlineData(" Alice ")]
    public async Task ALoginThatIsTakenIsAConflict(string login)
    {
        var response = await Admin.PostAsJsonAsync("/api/users", new { login, name = "Another Alice", role = "reporter" });

        await response.Json(HttpStatusCode.Conflict);
        var alice = await (await Admin.GetAsync("/api/users/alice")).Json(HttpStatusCode.OK);
        Assert.Equal(Desk.AliceName, alice["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALoginIsStoredInLowerCase()
    {
        var user = await (await Admin.PostAsJsonAsync("/api/users", new { login = "Erin.Ops", name = "Erin", role = "reporter" }))
            .Json(HttpStatusCode.Created);

        Assert.Equal("erin.ops", user["login"]!.GetValue<string>());
        await (await Admin.GetAsync("/api/users/erin.ops")).Json(HttpStatusCode.OK);
    }

    public static TheoryData<string, string> BadUsers => new()
    {
        { """{"name":"X","role":"reporter"}""", "login" },
        { """{"login":"","name":"X","role":"reporter"}""", "login" },
        { """{"login":"x1","role":"reporter"}""", "name" },
        { """{"login":"x1","name":"   ","role":"reporter"}""", "name" },
        { """{"login":"x1","name":"X"}""", "role" },
        { """{"login":"x1","name":"X","role":"god"}""", "role" },
        { """{"login":"x1","name":"X","role":"3"}""", "role" },
        { """{"login":"two words","name":"X","role":"reporter"}""", "login" },
        { """{"login":"ÄÖÜ","name":"X","role":"reporter"}""", "login" },
        { """{"login":"BOB!","name":"X","role":"reporter"}""", "login" },
        { """{"login":"x","name":"X","role":"reporter"}""", "login" },
        { """{"login":"-x1","name":"X","role":"reporter"}""", "login" },
        { """{"login":"x1","name":"X","role":"reporter","email":"nope"}""", "email" },
        { """{"login":"x1","name":"X","role":"reporter","password":"short"}""", "password" },
        { """{"login":"x1","name":"X","role":"engineer","teams":["No such team"]}""", "teams" },
        { $$"""{"login":"x1","name":"X","role":"reporter","teams":["{{Desk.SystemsTeam}}"]}""", "teams" },
        { """{"login":"x1","name":"X","role":"reporter","available":"yes"}""", "available" },
        { $$"""{"login":"x1","name":"X","role":"reporter","teams":"{{Desk.SystemsTeam}}"}""", "teams" },
    };

    [Theory]
    [MemberData(nameof(BadUsers))]
    public async Task BadInputIsA400NamingTheFieldAndCreatesNothing(string body, string field)
    {
        var response = await Admin.PostAsync("/api/users", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.FieldError(field);
        var users = await (await Admin.GetAsync("/api/users")).JsonArray();
        Assert.DoesNotContain(users, u => u!["login"]!.GetValue<string>() is "x1" or "x" or "two words" or "-x1");
    }

    [Fact]
    public async Task EveryBadFieldIsReportedAtOnce()
    {
        var response = await Admin.PostAsJsonAsync("/api/users",
            new { login = "no way", role = "god", email = "nope", password = "short", teams = new[] { "Nowhere" } });

        var problem = await response.FieldError("login");
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "name", "role", "email", "password", "teams" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }
    }

    [Fact]
    public async Task TheListHoldsEveryUserInLoginOrderAndOneCanBeFetched()
    {
        var users = await (await Admin.GetAsync("/api/users")).JsonArray();

        var logins = users.Select(u => u!["login"]!.GetValue<string>()).ToList();
        foreach (var login in new[] { "admin", "alice", "bob", "eng1", "eng2", "sup1" })
        {
            Assert.Contains(login, logins);
        }

        Assert.Equal(logins.Order(StringComparer.Ordinal), logins);
        var eng1 = await (await Admin.GetAsync("/api/users/eng1")).Json(HttpStatusCode.OK);
        Assert.Equal("engineer", eng1["role"]!.GetValue<string>());
        Assert.Equal(Desk.ItDepartment, eng1["department"]!.GetValue<string>());
        Assert.Equal([Desk.SystemsTeam], eng1["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task AnUnknownUserIsA404Problem()
    {
        var get = await Admin.GetAsync("/api/users/nobody");
        await get.Json(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        await (await Admin.PutAsJsonAsync("/api/users/nobody", new { name = "X" })).Json(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync("/api/users/nobody")).Json(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutChangesNameRoleTeamsAndAvailabilityAndKeepsWhatIsLeftOut()
    {
        (await Admin.PostAsJsonAsync("/api/users", new
        {
            login = "frank", name = "Frank", role = "engineer", teams = new[] { Desk.HardwareTeam }, email = "frank@example.com",
            department = Desk.ItDepartment,
        })).EnsureSuccessStatusCode();

        var updated = await (await Admin.PutAsJsonAsync("/api/users/frank", new
        {
            name = "Frank Lee", role = "supervisor", teams = new[] { Desk.SystemsTeam, Desk.HardwareTeam }, available = false,
        })).Json(HttpStatusCode.OK);

        Assert.Equal("Frank Lee", updated["name"]!.GetValue<string>());
        Assert.Equal("supervisor", updated["role"]!.GetValue<string>());
        Assert.Equal([Desk.HardwareTeam, Desk.SystemsTeam], updated["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.False(updated["available"]!.GetValue<bool>());
        Assert.Equal("frank@example.com", updated["email"]!.GetValue<string>());
        Assert.Equal(Desk.ItDepartment, updated["department"]!.GetValue<string>());

        var fetched = await (await Admin.GetAsync("/api/users/frank")).Json(HttpStatusCode.OK);
        Assert.Equal(updated.ToJsonString(), fetched.ToJsonString());

        var dropped = await (await Admin.PutAsJsonAsync("/api/users/frank", new { teams = Array.Empty<string>() })).Json(HttpStatusCode.OK);
        Assert.Empty(dropped["teams"]!.AsArray());
        var systems = await (await Admin.GetAsync($"/api/teams/{Desk.Url(Desk.SystemsTeam)}")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain("frank", systems["members"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task ALoginCannotBeChanged()
    {
        (await Admin.PostAsJsonAsync("/api/users", new { login = "gina", name = "Gina", role = "reporter" })).EnsureSuccessStatusCode();

        await (await Admin.PutAsJsonAsync("/api/users/gina", new { login = "regina", name = "Regina" })).FieldError("login");

        await (await Admin.GetAsync("/api/users/regina")).Json(HttpStatusCode.NotFound);
        var gina = await (await Admin.GetAsync("/api/users/gina")).Json(HttpStatusCode.OK);
        Assert.Equal("Gina", gina["name"]!.GetValue<string>());
        await (await Admin.PutAsJsonAsync("/api/users/gina", new { login = "GINA", name = "Gina B" })).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PutValidatesLikePost()
    {
        await (await Admin.PutAsJsonAsync("/api/users/bob", new { role = "god" })).FieldError("role");
        await (await Admin.PutAsJsonAsync("/api/users/bob", new { teams = new[] { Desk.SystemsTeam } })).FieldError("teams");
        await (await Admin.PutAsJsonAsync("/api/users/bob", new { email = "nope" })).FieldError("email");
        await (await Admin.PutAsJsonAsync("/api/users/bob", new { name = "" })).FieldError("name");

        var bob = await (await Admin.GetAsync("/api/users/bob")).Json(HttpStatusCode.OK);
        Assert.Equal((Desk.BobName, "reporter"), (bob["name"]!.GetValue<string>(), bob["role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DeletingAUserDeactivatesThemRevokesTheirTokensAndKeepsThemInHistory()
    {
        (await Admin.PostAsJsonAsync("/api/users", new { login = "hank", name = "Hank 韩", role = "reporter", department = Desk.SalesDepartment }))
            .EnsureSuccessStatusCode();
        var hank = await _desk.App.ClientForAsync("hank");
        var number = await _desk.ReportAsync(hank);
        await (await hank.GetAsync("/api/me")).Json(HttpStatusCode.OK);

        var deleted = await Admin.DeleteAsync("/api/users/hank");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hank.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hank.GetAsync($"/api/tickets/{number}")).StatusCode);
        var user = await (await Admin.GetAsync("/api/users/hank")).Json(HttpStatusCode.OK);
        Assert.False(user["active"]!.GetValue<bool>());
        var history = await (await Admin.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        Assert.Equal(("create", "hank", "Hank 韩"), (history[0]!["action"]!.GetValue<string>(),
            history[0]!["actor"]!["login"]!.GetValue<string>(), history[0]!["actor"]!["name"]!.GetValue<string>()));
        var ticket = await (await Admin.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Equal("hank", ticket["reporter"]!["login"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReactivatedUserNeedsANewTokenBecauseTheOldOnesStayRevoked()
    {
        (await Admin.PostAsJsonAsync("/api/users", new { login = "jane", name = "Jane", role = "engineer" })).EnsureSuccessStatusCode();
        var old = await _desk.App.ClientForAsync("jane");
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync("/api/users/jane")).StatusCode);

        var reactivated = await (await Admin.PutAsJsonAsync("/api/users/jane", new { active = true })).Json(HttpStatusCode.OK);

        Assert.True(reactivated["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/me")).StatusCode);
        var created = await (await Admin.PostAsJsonAsync("/api/users/jane/tokens", new { })).Json(HttpStatusCode.Created);
        using var fresh = _desk.App.CreateClient();
        fresh.DefaultRequestHeaders.Authorization = new("Bearer", created["token"]!.GetValue<string>());
        await (await fresh.GetAsync("/api/me")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DemotingATeamMemberToReporterDoesNotLeaveAReporterInATeam()
    {
        (await Admin.PostAsJsonAsync("/api/users", new { login = "kim", name = "Kim", role = "engineer", teams = new[] { Desk.HardwareTeam } }))
            .EnsureSuccessStatusCode();

        var response = await Admin.PutAsJsonAsync("/api/users/kim", new { role = "reporter" });

        var kim = await (await Admin.GetAsync("/api/users/kim")).Json(HttpStatusCode.OK);
        var hardware = await (await Admin.GetAsync($"/api/teams/{Desk.Url(Desk.HardwareTeam)}")).Json(HttpStatusCode.OK);
        var inTeam = hardware["members"]!.AsArray().Any(m => m!.GetValue<string>() == "kim");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Equal("engineer", kim["role"]!.GetValue<string>());
            Assert.True(inTeam);
        }
        else
        {
            await response.Json(HttpStatusCode.OK);
            Assert.Equal("reporter", kim["role"]!.GetValue<string>());
            Assert.Empty(kim["teams"]!.AsArray());
            Assert.False(inTeam, "a reporter is still a member of the hardware team");
        }
    }

    [Fact]
    public async Task AMissingOrMalformedBodyIsA400()
    {
        await (await Admin.PostAsync("/api/users", new StringContent("", System.Text.Encoding.UTF8, "application/json")))
            .FieldError("body");
        await (await Admin.PostAsync("/api/users", new StringContent("{\"login\":", System.Text.Encoding.UTF8, "application/json")))
            .Json(HttpStatusCode.BadRequest);
        await (await Admin.PostAsync("/api/users", new StringContent("[]", System.Text.Encoding.UTF8, "application/json")))
            .Json(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ADeactivatedUserGetsNoNewToken()
    {
        (await Admin.PostAsJsonAsync("/api/users", new { login = "ivan", name = "Ivan", role = "engineer" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync("/api/users/ivan")).StatusCode);

        await (await Admin.PostAsJsonAsync("/api/users/ivan/tokens", new { name = "script" })).Json(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnAdminCreatesATokenForAnotherUserThatActsAsThem()
    {
        var response = await Admin.PostAsJsonAsync("/api/users/bob/tokens", new { name = "mail gateway" });
        var created = await response.Json(HttpStatusCode.Created);
        Assert.Equal(("bob", "mail gateway"), (created["login"]!.GetValue<string>(), created["name"]!.GetValue<string>()));

        using var client = _desk.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", created["token"]!.GetValue<string>());
        var me = await (await client.GetAsync("/api/me")).Json(HttpStatusCode.OK);
        Assert.Equal("bob", me["login"]!.GetValue<string>());
    }

    public static TheoryData<string> NonAdmins => ["sup1", "eng1", "alice"];

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task OnlyAnAdminManagesUsers(string login)
    {
        var client = await _desk.App.ClientForAsync(login);

        var create = await client.PostAsJsonAsync("/api/users", new { login = "mallory", name = "Mallory", role = "admin" });

        await create.Json(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users/bob")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/users/{login}", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/users/bob")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/users/bob/tokens", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/departments")).StatusCode);
        await (await Admin.GetAsync("/api/users/mallory")).Json(HttpStatusCode.NotFound);
        var me = await (await client.GetAsync("/api/me")).Json(HttpStatusCode.OK);
        Assert.NotEqual("admin", me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutATokenTheUsersApiIs401()
    {
        using var anonymous = _desk.App.CreateClient();

        await (await anonymous.PostAsJsonAsync("/api/users", new { login = "x2", name = "X", role = "admin" })).Json(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "sf_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/users")).StatusCode);
    }
}
