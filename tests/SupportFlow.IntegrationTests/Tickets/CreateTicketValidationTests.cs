using System.Net;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// Bad input on every field of <c>POST /api/tickets</c>: a 400 problem naming the field, and no
/// ticket created. The desk's clock stands still at 2026-05-20 14:30 Shanghai in this class.
/// </summary>
public sealed class CreateTicketValidationTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    /// <summary>Posts a report and asserts 400 naming <paramref name="field"/>, with the ticket count unchanged.</summary>
    private async Task<JsonObject> RefusedAsync(HttpClient by, JsonNode body, string field)
    {
        var before = await _desk.TicketCountAsync();
        var problem = await (await by.PostJsonAsync("/api/tickets", body)).FieldError(field);
        Assert.Equal(before, await _desk.TicketCountAsync());
        return problem;
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("occurredAt")]
    [InlineData("module")]
    [InlineData("impact")]
    [InlineData("priority")]
    [InlineData("channel")]
    public async Task AMissingRequiredFieldIsNamed(string field)
    {
        await RefusedAsync(_desk.Alice, Desk.Report(b => b.Remove(field)), field);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("occurredAt")]
    [InlineData("module")]
    [InlineData("impact")]
    [InlineData("priority")]
    [InlineData("channel")]
    public async Task ABlankRequiredFieldIsNamed(string field)
    {
        await RefusedAsync(_desk.Alice, Desk.Report(b => b[field] = "   "), field);
    }

    [Theory]
    [InlineData("title", 201)]
    [InlineData("description", 10_001)]
    [InlineData("impact", 1_001)]
    public async Task ATooLongTextIsNamedWithItsLimit(string field, int length)
    {
        var problem = await RefusedAsync(_desk.Alice, Desk.Report(b => b[field] = new string('x', length)), field);
        Assert.Contains((length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title", 200)]
    [InlineData("description", 10_000)]
    [InlineData("impact", 1_000)]
    public async Task ATextOfExactlyTheLimitIsAccepted(string field, int length)
    {
        var response = await _desk.Alice.PostJsonAsync("/api/tickets", Desk.Report(b => b[field] = new string('字', length)));
        var ticket = await response.Json(HttpStatusCode.Created);
        Assert.Equal(length, ticket.Str(field).Length);
    }

    [Theory]
    [InlineData("title", "123")]
    [InlineData("priority", "1")]
    [InlineData("occurredAt", "true")]
    [InlineData("channel", "[\"portal\"]")]
    [InlineData("reporter", "\"Zhang San\"")]
    public async Task AValueOfTheWrongJsonTypeIsNamed(string field, string json)
    {
        await RefusedAsync(_desk.Engineer, Desk.Report(b => b[field] = JsonNode.Parse(json)), field);
    }

    [Fact]
    public async Task AWrongTypeMessageSaysWhichTypeIsExpected()
    {
        var problem = await RefusedAsync(_desk.Alice, Desk.Report(b => b["title"] = 123), "title");
        Assert.Contains("string", problem["errors"]!["title"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-20T14:10")]
    [InlineData("2026-05-20 14:10")]
    [InlineData("2026-05-20")]
    [InlineData("yesterday afternoon")]
    [InlineData("20/05/2026 14:10 +08:00")]
    [InlineData("2026-02-30T10:00+08:00")]
    [InlineData("2026-05-20T25:10+08:00")]
    public async Task AnOccurredAtThatIsNotIsoWithOffsetIsNamed(string occurredAt)
    {
        await RefusedAsync(_desk.Alice, Desk.Report(b => b["occurredAt"] = occurredAt), "occurredAt");
    }

    [Fact]
    public async Task OccurredAtIsKeptToTheMinute()
    {
        var response = await _desk.Alice.PostJsonAsync("/api/tickets", Desk.Report(b => b["occurredAt"] = "2026-05-20T14:10:59.9+08:00"));

        Assert.Equal("2026-05-20T14:10:00+08:00", (await response.Json(HttpStatusCode.Created)).Str("occurredAt"));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("impact")]
    public async Task ControlCharactersInATextAreNamed(string field)
    {
        await RefusedAsync(_desk.Alice, Desk.Report(b => b[field] = "Printer\u0007 beeps\u0000"), field);
    }

    [Fact]
    public async Task AProblemCannotOccurAfterItWasReceivedNow()
    {
        // Now is 14:30 Shanghai; 14:45 has not happened yet.
        await RefusedAsync(_desk.Alice, Desk.Report(b => b["occurredAt"] = "2026-05-20T14:45+08:00"), "occurredAt");
    }

    [Fact]
    public async Task AProblemCannotOccurAfterAGivenReceivedAt()
    {
        await RefusedAsync(_desk.Engineer, Desk.Report(b =>
        {
            b["receivedAt"] = "2026-05-20T10:00+08:00";
            b["occurredAt"] = "2026-05-20T10:05+08:00";
        }), "occurredAt");
    }

    [Fact]
    public async Task AnOccurredAtInAnotherOffsetIsComparedAsTheSameInstant()
    {
        // 06:20Z is 14:20 Shanghai: before receipt at 14:30, so accepted and shown in the organisation's zone.
        var response = await _desk.Alice.PostJsonAsync("/api/tickets", Desk.Report(b => b["occurredAt"] = "2026-05-20T06:20:45Z"));
        var ticket = await response.Json(HttpStatusCode.Created);
        Assert.Equal("2026-05-20T14:20:00+08:00", ticket.Str("occurredAt"));
    }

    [Theory]
    [InlineData("2026-05-20T14:31:01+08:00")]
    [InlineData("2026-05-20T15:30+08:00")]
    [InlineData("2026-05-21T09:00+08:00")]
    public async Task AReceivedAtMoreThanAMinuteInTheFutureIsRefused(string receivedAt)
    {
        await RefusedAsync(_desk.Engineer, Desk.Report(b =>
        {
            b["channel"] = "phone";
            b["receivedAt"] = receivedAt;
        }), "receivedAt");
    }

    [Fact]
    public async Task AReceivedAtWithinAMinuteAheadIsTakenAsNow()
    {
        var response = await _desk.Engineer.PostJsonAsync("/api/tickets", Desk.Report(b =>
        {
            b["channel"] = "phone";
            b["receivedAt"] = "2026-05-20T14:30:50+08:00";
        }));
        var ticket = await response.Json(HttpStatusCode.Created);
        Assert.Equal("2026-05-20T14:30:00+08:00", ticket.Str("receivedAt"));
    }

    [Fact]
    public async Task AReceivedAtWithoutOffsetIsNamed()
    {
        await RefusedAsync(_desk.Engineer, Desk.Report(b => b["receivedAt"] = "2026-05-20T14:20"), "receivedAt");
    }

    [Fact]
    public async Task AReporterMayNotSetReceivedAt()
    {
        await RefusedAsync(_desk.Alice, Desk.Report(b => b["receivedAt"] = "2026-05-20T14:20+08:00"), "receivedAt");
    }

    [Theory]
    [InlineData("Payroll module V1")]
    [InlineData("Sales module V9")]
    public async Task AnUnknownModuleIsNamed(string module)
    {
        var problem = await RefusedAsync(_desk.Alice, Desk.Report(b => b["module"] = module), "module");
        Assert.Contains(module, problem["errors"]!["module"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("priority", "P5")]
    [InlineData("priority", "P0")]
    [InlineData("priority", "5")]
    [InlineData("priority", "P1,P2")]
    [InlineData("priority", "urgent")]
    [InlineData("channel", "fax")]
    [InlineData("channel", "1")]
    [InlineData("channel", "phone,email")]
    public async Task AValueOutsideItsListIsNamed(string field, string value)
    {
        var problem = await RefusedAsync(_desk.Alice, Desk.Report(b => b[field] = value), field);
        var message = problem["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains(field == "priority" ? "P4" : "portal", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBadFieldIsNamedAtOnce()
    {
        var before = await _desk.TicketCountAsync();
        var body = Desk.Report(b =>
        {
            b.Remove("title");
            b["priority"] = "P5";
            b["channel"] = "fax";
            b["module"] = "Nope";
        });
        var problem = await (await _desk.Alice.PostJsonAsync("/api/tickets", body)).FieldError("title");
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("priority") && errors.ContainsKey("channel") && errors.ContainsKey("module"),
            errors.ToJsonString());
        Assert.Equal(before, await _desk.TicketCountAsync());
    }

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("{\"title\": \"x\",}")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    public async Task AMalformedBodyIsA400ProblemWithAnError(string body)
    {
        var before = await _desk.TicketCountAsync();
        var response = await _desk.Alice.PostRawJsonAsync("/api/tickets", body);
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Value!.AsArray().Any(m => m!.GetValue<string>().Contains("JSON", StringComparison.Ordinal)));
        Assert.Equal(before, await _desk.TicketCountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task AnEmptyBodyIsNamedAsTheBody(string body)
    {
        var before = await _desk.TicketCountAsync();
        await (await _desk.Alice.PostRawJsonAsync("/api/tickets", body)).FieldError("body");
        Assert.Equal(before, await _desk.TicketCountAsync());
    }

    [Fact]
    public async Task ABodyThatIsNotDeclaredAsJsonIsRefused()
    {
        var before = await _desk.TicketCountAsync();

        var response = await _desk.Alice.PostAsync("/api/tickets",
            new StringContent(Desk.Report().ToJsonString(), System.Text.Encoding.UTF8, "text/plain"));

        await response.Problem(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await _desk.TicketCountAsync());
    }

    [Fact]
    public async Task AnEmptyObjectNamesEveryRequiredField()
    {
        var problem = await RefusedAsync(_desk.Alice, new JsonObject(), "title");
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "description", "occurredAt", "module", "impact", "priority", "channel" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task AReporterWithoutANameIsNamed(string? name)
    {
        await RefusedAsync(_desk.Engineer, Desk.Report(b =>
        {
            b["channel"] = "phone";
            b["reporter"] = new JsonObject { ["name"] = name, ["department"] = "Warehouse", ["phone"] = "555-0101" };
        }), "reporter.name");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("zhang@")]
    [InlineData("@example.com")]
    public async Task AReporterWithAnInvalidEmailIsNamed(string email)
    {
        await RefusedAsync(_desk.Engineer, Desk.Report(b =>
        {
            b["channel"] = "phone";
            b["reporter"] = new JsonObject { ["name"] = "张三", ["email"] = email };
        }), "reporter.email");
    }

    [Fact]
    public async Task AReporterWithAnUnknownLoginIsNamed()
    {
        await RefusedAsync(_desk.Engineer, Desk.Report(b =>
        {
            b["channel"] = "phone";
            b["reporter"] = new JsonObject { ["name"] = "Ghost", ["login"] = "ghost" };
        }), "reporter.login");
    }

    [Fact]
    public async Task AReporterMayNotReportForSomeoneElse()
    {
        var before = await _desk.TicketCountAsync();
        var response = await _desk.Alice.PostJsonAsync("/api/tickets", Desk.Report(b =>
            b["reporter"] = new JsonObject { ["name"] = "Bob", ["login"] = "bob" }));
        await response.Problem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await _desk.TicketCountAsync());
    }

    [Fact]
    public async Task AnAcceptedReportIsTrimmedAndCountedOnce()
    {
        var before = await _desk.TicketCountAsync();
        var response = await _desk.Alice.PostJsonAsync("/api/tickets", Desk.Report(b => b["title"] = "  打印机卡纸  "));
        var ticket = await response.Json(HttpStatusCode.Created);
        Assert.Equal("打印机卡纸", ticket.Str("title"));
        Assert.Equal(before + 1, await _desk.TicketCountAsync());
    }
}
