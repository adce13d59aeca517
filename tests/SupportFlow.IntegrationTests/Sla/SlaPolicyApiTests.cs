using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// <c>GET/PUT /api/sla/policies</c>, <c>GET/PUT /api/sla/escalations</c> and the breach log's
/// query checks: reading, refusals and bad bodies, none of which changes anything, so the tests
/// share one desk. A policy that is really changed is in <see cref="SlaPolicyChangeTests"/>.
/// </summary>
public sealed class SlaPolicyApiTests(SlaDeskFixture fixture) : IClassFixture<SlaDeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private static JsonObject ValidPolicy() => new()
    {
        ["firstResponse"] = new JsonObject { ["hours"] = 2 },
        ["assignment"] = new JsonObject { ["minutes"] = 30 },
        ["update"] = new JsonObject { ["hours"] = 4 },
        ["resolution"] = new JsonObject { ["businessHours"] = 16 },
    };

    private static void AssertTarget(JsonNode? target, string unit, int amount)
    {
        Assert.NotNull(target);
        Assert.Equal(amount, target[unit]?.GetValue<int>());
        foreach (var other in new[] { "minutes", "hours", "businessMinutes", "businessHours", "businessDays" }.Where(u => u != unit))
        {
            Assert.Null(target[other]);
        }
    }

    private async Task AssertP2IsTheDefaultAsync()
    {
        var p2 = await (await _desk.Admin.GetAsync("/api/sla/policies/P2")).Json(HttpStatusCode.OK);
        AssertTarget(p2["firstResponse"], "hours", 24);
        AssertTarget(p2["assignment"], "minutes", 10);
        AssertTarget(p2["update"], "hours", 4);
        AssertTarget(p2["resolution"], "hours", 8);
    }

    [Fact]
    public async Task ThePoliciesListP1ToP4WithTheSpecDefaults()
    {
        var policies = await (await _desk.Engineer.GetAsync("/api/sla/policies")).JsonArray();

        Assert.Equal(["P1", "P2", "P3", "P4"], policies.Select(p => p.Str("priority")));
        AssertTarget(policies[0]!["firstResponse"], "minutes", 15);
        AssertTarget(policies[0]!["assignment"], "minutes", 10);
        AssertTarget(policies[0]!["update"], "hours", 2);
        AssertTarget(policies[0]!["resolution"], "hours", 4);
        AssertTarget(policies[1]!["firstResponse"], "hours", 24);
        AssertTarget(policies[1]!["assignment"], "minutes", 10);
        AssertTarget(policies[1]!["update"], "hours", 4);
        AssertTarget(policies[1]!["resolution"], "hours", 8);
        AssertTarget(policies[2]!["firstResponse"], "hours", 24);
        AssertTarget(policies[2]!["assignment"], "businessDays", 1);
        Assert.Null(policies[2]!["update"]);
        AssertTarget(policies[2]!["resolution"], "businessDays", 3);
        AssertTarget(policies[3]!["firstResponse"], "hours", 24);
        AssertTarget(policies[3]!["assignment"], "businessDays", 1);
        Assert.Null(policies[3]!["update"]);
        AssertTarget(policies[3]!["resolution"], "businessDays", 5);
    }

    [Fact]
    public async Task OnePolicyIsReadByItsPriority()
    {
        var p3 = await (await _desk.Supervisor.GetAsync("/api/sla/policies/P3")).Json(HttpStatusCode.OK);

        Assert.Equal("P3", p3.Str("priority"));
        AssertTarget(p3["assignment"], "businessDays", 1);
        AssertTarget(p3["resolution"], "businessDays", 3);
        Assert.Null(p3["update"]);
    }

    [Fact]
    public async Task AnUnknownPriorityIsNotFound()
    {
        await (await _desk.Admin.GetAsync("/api/sla/policies/P9")).Problem(HttpStatusCode.NotFound);
        await (await _desk.Admin.PutAsJsonAsync("/api/sla/policies/P9", ValidPolicy())).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AReporterMayNotReadThePolicies()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync("/api/sla/policies")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync("/api/sla/policies/P1")).StatusCode);
    }

    [Fact]
    public async Task OnlyAnAdminMayChangeAPolicy()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Supervisor.PutAsJsonAsync("/api/sla/policies/P2", ValidPolicy())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Engineer.PutAsJsonAsync("/api/sla/policies/P2", ValidPolicy())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.PutAsJsonAsync("/api/sla/policies/P2", ValidPolicy())).StatusCode);
        await AssertP2IsTheDefaultAsync();
    }

    [Theory]
    [InlineData("firstResponse", """{"minutes":10,"hours":1}""")]
    [InlineData("assignment", """{"minutes":0}""")]
    [InlineData("assignment", """{"hours":-2}""")]
    [InlineData("update", """{"businessDays":0}""")]
    [InlineData("resolution", """{}""")]
    [InlineData("resolution", """{"businessHours":600000}""")]
    [InlineData("resolution", null)]
    public async Task ABadTargetIsRefusedNamingItAndChangesNothing(string field, string? target)
    {
        var body = ValidPolicy();
        body[field] = target is null ? null : JsonNode.Parse(target);

        await (await _desk.Admin.PutAsJsonAsync("/api/sla/policies/P2", body)).FieldError(field);

        await AssertP2IsTheDefaultAsync();
    }

    [Fact]
    public async Task APolicyWithoutAResolutionKeyIsRefused()
    {
        var body = ValidPolicy();
        body.Remove("resolution");

        await (await _desk.Admin.PutAsJsonAsync("/api/sla/policies/P2", body)).FieldError("resolution");

        await AssertP2IsTheDefaultAsync();
    }

    [Fact]
    public async Task StaffReadTheEscalationLevelsWhichAreNoneByDefault()
    {
        Assert.Empty(await (await _desk.Engineer.GetAsync("/api/sla/escalations")).JsonArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync("/api/sla/escalations")).StatusCode);
    }

    [Theory]
    [InlineData("""[{"name":"head","afterBreachMinutes":0,"notify":"supervisors"}]""", "[0].afterBreachMinutes")]
    [InlineData("""[{"name":"head","afterBreachMinutes":-60,"notify":"supervisors"}]""", "[0].afterBreachMinutes")]
    [InlineData("""[{"name":"head","afterBreachMinutes":60}]""", "[0].notify")]
    [InlineData("""[{"afterBreachMinutes":60,"notify":"supervisors"}]""", "[0].name")]
    [InlineData("""[{"name":"head","afterBreachMinutes":60,"notify":"supervisors"},{"name":"head","afterBreachMinutes":120,"notify":"team"}]""", "name")]
    public async Task ABadEscalationLevelIsRefusedNamingTheFieldAndChangesNothing(string body, string field)
    {
        var response = await _desk.Admin.PutAsync("/api/sla/escalations",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.FieldError(field);
        Assert.Empty(await (await _desk.Admin.GetAsync("/api/sla/escalations")).JsonArray());
    }

    [Fact]
    public async Task OnlyAnAdminMayChangeTheEscalationLevels()
    {
        var levels = new[] { new { name = "head", afterBreachMinutes = 120, notify = "supervisors" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Supervisor.PutAsJsonAsync("/api/sla/escalations", levels)).StatusCode);

        Assert.Empty(await (await _desk.Admin.GetAsync("/api/sla/escalations")).JsonArray());
    }

    [Theory]
    [InlineData("level=late", "level")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-05-20T14:30", "to")]
    public async Task TheBreachLogRefusesABadQueryNamingTheParameter(string query, string field)
    {
        await (await _desk.Supervisor.GetAsync("/api/sla/breaches?" + query)).FieldError(field);
    }

    [Fact]
    public async Task OnlySupervisorsReadTheBreachLog()
    {
        Assert.Equal(HttpStatusCode.OK, (await _desk.Supervisor.GetAsync("/api/sla/breaches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Engineer.GetAsync("/api/sla/breaches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync("/api/sla/breaches")).StatusCode);
    }
}

/// <summary>An admin's change of a policy applies to tickets received from then on; running clocks keep theirs.</summary>
public sealed class SlaPolicyChangeTests
{
    [Fact]
    public async Task ChangingP2AppliesToNewTicketsOnlyAndRunningClocksKeepTheirPolicy()
    {
        await using var desk = await Desk.OpenAsync();
        var before = await desk.ReportNowAsync("P2");
        var number = before.Str("number");
        var received = before.ReceivedAt();

        var body = new JsonObject
        {
            ["firstResponse"] = new JsonObject { ["hours"] = 2 },
            ["assignment"] = new JsonObject { ["minutes"] = 30 },
            ["update"] = null,
            ["resolution"] = new JsonObject { ["businessHours"] = 16 },
        };
        var put = await (await desk.Admin.PutAsJsonAsync("/api/sla/policies/P2", body)).Json(HttpStatusCode.OK);
        Assert.Equal(30, put["assignment"]!["minutes"]!.GetValue<int>());
        var read = await (await desk.Supervisor.GetAsync("/api/sla/policies/P2")).Json(HttpStatusCode.OK);
        Assert.Equal(16, read["resolution"]!["businessHours"]!.GetValue<int>());
        Assert.Null(read["update"]);
        var listed = await (await desk.Supervisor.GetAsync("/api/sla/policies")).JsonArray();
        Assert.Equal(30, listed[1]!["assignment"]!["minutes"]!.GetValue<int>());
        Assert.Equal(10, listed[0]!["assignment"]!["minutes"]!.GetValue<int>()); // P1 untouched

        desk.Advance(TimeSpan.FromMinutes(1));
        var after = await desk.ReportNowAsync("P2");
        var afterReceived = after.ReceivedAt();

        // The ticket received before keeps the old targets, also after work on it.
        await TicketTestKit.Ok(desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        var old = await desk.TicketAsync(number);
        Assert.Equal("8 h", old.Target("resolution").Str("target"));
        Assert.Equal(received.AddHours(8), old.DueAt("resolution"));
        Assert.Equal(received.AddMinutes(10), old.DueAt("assignment"));
        Assert.Equal(received.AddHours(4), old.DueAt("update"));

        // The one received after runs on the new ones: Wednesday 14:31 + 16 business hours is Friday 12:31.
        Assert.Equal("30 min", after.Target("assignment").Str("target"));
        Assert.Equal(afterReceived.AddMinutes(30), after.DueAt("assignment"));
        Assert.Equal(afterReceived.AddHours(2), after.DueAt("firstResponse"));
        Assert.Null(after["sla"]!["update"]);
        Assert.Equal("16 business h", after.Target("resolution").Str("target"));
        Assert.Equal(SlaTestKit.Sh(5, 22, 12, 31), after.DueAt("resolution"));
    }
}
