using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// One desk shared by all tests of a class (xunit class fixture): opening a desk costs a server
/// start and a migrated database, so a class pays it once. Tests that need a pristine desk
/// (exact numbers, a changed setting, a restart) open their own.
/// </summary>
public sealed class DeskFixture : IAsyncLifetime
{
    private readonly Dictionary<(Stage, HttpClient), string> _shared = [];

    public Desk Desk { get; private set; } = null!;

    public async Task InitializeAsync() => Desk = await Desk.OpenAsync();

    /// <summary>
    /// One ticket per stage and reporter, reused by the tests of the class that must leave it as it
    /// was (refusals, which each assert the ticket unchanged). Saves walking a fresh ticket per case.
    /// </summary>
    public async Task<string> SharedTicketAsync(Stage stage, HttpClient? reporter = null)
    {
        reporter ??= Desk.Alice;
        if (!_shared.TryGetValue((stage, reporter), out var number))
        {
            _shared[(stage, reporter)] = number = await Desk.TicketAtAsync(stage, reporter);
        }

        return number;
    }

    public async Task DisposeAsync() => await Desk.DisposeAsync();
}

/// <summary>The statuses a test can ask for a fresh ticket in, reached over the API the way people reach them.</summary>
public enum Stage
{
    New,
    Assigned,
    InProgress,
    PendingOnVendor,
    Resolved,
    Confirmed,
    Closed,
    Cancelled,
}

/// <summary>A ticket's status, how many history lines it has and its last update: what "nothing changed" is checked against.</summary>
public sealed record TicketState(string Status, int HistoryLength, string UpdatedAt);

public static class TicketTestKit
{
    /// <summary>A reporter (alice unless told) reports a ticket of team 系统组 and it is walked to <paramref name="stage"/> (owner eng1).</summary>
    public static async Task<string> TicketAtAsync(this Desk desk, Stage stage, HttpClient? reporter = null)
    {
        reporter ??= desk.Alice;
        var number = await desk.ReportAsync(reporter);
        await desk.MoveAsync(number, stage, reporter);
        return number;
    }

    public static async Task MoveAsync(this Desk desk, string number, Stage stage, HttpClient reporter)
    {
        if (stage == Stage.New)
        {
            return;
        }

        if (stage == Stage.Cancelled)
        {
            await Ok(desk.Supervisor.Act(number, "cancel", new { reason = "Duplicate of another ticket" }));
            return;
        }

        await Ok(desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        if (stage == Stage.Assigned)
        {
            return;
        }

        await Ok(desk.Engineer.Act(number, "start"));
        if (stage == Stage.InProgress)
        {
            return;
        }

        if (stage == Stage.PendingOnVendor)
        {
            await Ok(desk.Engineer.Act(number, "pend", new { reason = "vendor", note = "Waiting for the vendor's patch" }));
            return;
        }

        await Ok(desk.Engineer.Act(number, "resolve", new { solution = "Restarted the service", verification = "remote" }));
        if (stage == Stage.Resolved)
        {
            return;
        }

        await Ok(reporter.Act(number, "confirm", new { resolved = true, comment = "Works again", rating = 4 }));
        if (stage == Stage.Confirmed)
        {
            return;
        }

        await Ok(desk.Engineer.Act(number, "close", new { cause = "Service hung", solution = "Restarted the service" }));
    }

    public static async Task<JsonObject> GetTicketAsync(this Desk desk, string number) =>
        await (await desk.Supervisor.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);

    public static async Task<JsonArray> HistoryAsync(this Desk desk, string number) =>
        await (await desk.Supervisor.GetAsync($"/api/tickets/{number}/history")).JsonArray();

    public static async Task<TicketState> StateAsync(this Desk desk, string number)
    {
        var ticket = await desk.GetTicketAsync(number);
        var history = await desk.HistoryAsync(number);
        return new TicketState(ticket.Str("status"), history.Count, ticket.Str("updatedAt"));
    }

    /// <summary>How many tickets the desk holds, as the supervisor's list shows them.</summary>
    public static async Task<int> TicketCountAsync(this Desk desk) => (await desk.Supervisor.AllNumbersAsync("")).Count;

    /// <summary>Every ticket number a client's list shows for a query, walking all pages.</summary>
    public static async Task<List<string>> AllNumbersAsync(this HttpClient client, string query, int limit = 200)
    {
        var numbers = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/tickets?limit={limit}" + (query.Length == 0 ? "" : "&" + query)
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await client.GetAsync(url)).Json(HttpStatusCode.OK);
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= limit, $"A page of limit {limit} had {items.Count} items.");
            numbers.AddRange(items.Select(t => t.Str("number")));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.True(++pages <= 1000, "The list never ends.");
        }
        while (cursor is not null);

        return numbers;
    }

    public static string Str(this JsonNode? node, string name)
    {
        Assert.NotNull(node);
        var value = node[name];
        Assert.True(value is not null, $"'{name}' is missing from {node.ToJsonString()}");
        return value.GetValue<string>();
    }

    public static async Task<JsonObject> Ok(Task<HttpResponseMessage> request) => await (await request).Json(HttpStatusCode.OK);

    /// <summary>Posts raw text as JSON: for bodies a serializer would never produce.</summary>
    public static Task<HttpResponseMessage> PostRawJsonAsync(this HttpClient client, string url, string body) =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostAsJsonAsync(url, body);

    /// <summary>
    /// Asserts a 409 problem naming the ticket's current status: in the problem's
    /// <c>currentStatus</c> extension and in its detail. Read with JsonDocument so that a
    /// malformed problem (say, a duplicate member) still yields a readable failure.
    /// </summary>
    public static async Task Conflict(this HttpResponseMessage response, string status, string? action = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"Expected 409, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var members = problem.RootElement.EnumerateObject().ToList();
        Assert.Contains(members, m => m.Name == "currentStatus" && m.Value.ValueKind == JsonValueKind.String && m.Value.GetString() == status);
        var detail = members.Single(m => m.Name == "detail").Value.GetString();
        Assert.Contains($" {status}", detail, StringComparison.Ordinal);
        if (action is not null)
        {
            Assert.Contains(members, m => m.Name == "action" && m.Value.GetString() == action);
        }
    }

    /// <summary>Asserts an error status with a problem+json body.</summary>
    public static async Task<JsonObject> Problem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.Json(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }
}
