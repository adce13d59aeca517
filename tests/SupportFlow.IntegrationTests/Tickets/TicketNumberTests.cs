using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// Ticket numbers over HTTP: YYYYMMDD-NNN of the receiving day in Asia/Shanghai, contiguous and
/// unique under concurrent intake, restarting each day. Each test opens its own desk because it
/// asserts exact serials.
/// </summary>
public sealed class TicketNumberTests
{
    [Fact]
    public async Task TwoHundredConcurrentReportsGetTheNumbers001To200()
    {
        await using var desk = await Desk.OpenAsync();
        var clients = new[] { desk.Alice, desk.Engineer };

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            clients[i % 2].PostAsJsonAsync("/api/tickets", Desk.Report(b => b["title"] = $"Concurrent report {i}"))));

        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.Json(HttpStatusCode.Created)).Str("number"));
        }

        var expected = Enumerable.Range(1, 200).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"20260520-{i:000}"));
        Assert.Equal(expected, numbers.Order(StringComparer.Ordinal));

        // Every one is stored under its number with its own report, and listed once.
        Assert.Equal(expected, (await desk.Supervisor.AllNumbersAsync("")).Order(StringComparer.Ordinal));
        Assert.All(responses.Zip(numbers), pair => Assert.Equal($"/api/tickets/{pair.Second}", pair.First.Headers.Location?.OriginalString));
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ticket in await Task.WhenAll(numbers.Take(25).Select(n => desk.Supervisor.GetAsync($"/api/tickets/{n}"))))
        {
            titles.Add((await ticket.Json(HttpStatusCode.OK)).Str("title"));
        }

        Assert.Equal(25, titles.Count);
    }

    [Fact]
    public async Task TheSerialRestartsOnTheOrganisationsNewDayThoughUtcIsStillYesterday()
    {
        await using var desk = await Desk.OpenAsync();
        Assert.Equal("20260520-001", await desk.ReportAsync());
        Assert.Equal("20260520-002", await desk.ReportAsync());

        // 00:40 on the 21st in Shanghai is 16:40 UTC on the 20th.
        desk.App.Clock.Advance(new DateTimeOffset(2026, 5, 21, 0, 40, 0, TimeSpan.FromHours(8)) - desk.App.Clock.GetUtcNow());

        var phoned = await (await desk.Engineer.PostAsJsonAsync("/api/tickets", PhoneCall("2026-05-21T00:30+08:00"))).Json(HttpStatusCode.Created);
        Assert.Equal("20260521-001", phoned.Str("number"));
        Assert.Equal("2026-05-21T00:30:00+08:00", phoned.Str("receivedAt"));

        // Now, and a call given in UTC that is the 21st in Shanghai, continue the 21st's serial.
        Assert.Equal("20260521-002", await desk.ReportAsync());
        var utc = await (await desk.Engineer.PostAsJsonAsync("/api/tickets", PhoneCall("2026-05-20T16:35Z"))).Json(HttpStatusCode.Created);
        Assert.Equal("20260521-003", utc.Str("number"));

        // A call received before midnight and recorded after it belongs to the 20th and continues that day's serial.
        var late = await (await desk.Engineer.PostAsJsonAsync("/api/tickets", PhoneCall("2026-05-20T23:50+08:00"))).Json(HttpStatusCode.Created);
        Assert.Equal("20260520-003", late.Str("number"));
    }

    [Fact]
    public async Task RefusedReportsUseNoNumber()
    {
        await using var desk = await Desk.OpenAsync();

        await (await desk.Alice.PostAsJsonAsync("/api/tickets", Desk.Report(b => b["module"] = "Nope"))).FieldError("module");
        await (await desk.Alice.PostAsJsonAsync("/api/tickets", Desk.Report(b => b["priority"] = "P5"))).FieldError("priority");
        await (await desk.Engineer.PostAsJsonAsync("/api/tickets", PhoneCall("2026-05-20T18:00+08:00"))).FieldError("receivedAt");
        await (await desk.Alice.PostAsJsonAsync("/api/tickets", Desk.Report(b => b["reporter"] = new JsonObject { ["name"] = "X" })))
            .Problem(HttpStatusCode.Forbidden);

        Assert.Equal("20260520-001", await desk.ReportAsync());
    }

    private static JsonObject PhoneCall(string receivedAt) => Desk.Report(b =>
    {
        b["channel"] = "phone";
        b["occurredAt"] = "2026-05-20T00:00+08:00";
        b["receivedAt"] = receivedAt;
        b["reporter"] = new JsonObject { ["name"] = "值班电话", ["phone"] = "555-0100" };
    });
}
