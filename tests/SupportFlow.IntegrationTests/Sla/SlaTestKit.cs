using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using SupportFlow.Server.Jobs;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>One desk shared by the tests of a class that only work relative to "now" (24x7 targets, or read-only calls).</summary>
public sealed class SlaDeskFixture : IAsyncLifetime
{
    public Desk Desk { get; private set; } = null!;

    public async Task InitializeAsync() => Desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await Desk.DisposeAsync();
}

/// <summary>Reading SLA clocks off the ticket JSON, creating tickets at chosen times, and running the sweep.</summary>
public static class SlaTestKit
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>A wall-clock time in the organisation's zone (Asia/Shanghai, +08:00 all year).</summary>
    public static DateTimeOffset Sh(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, Shanghai);

    /// <summary>ISO 8601 with offset, minute precision, as a client would send it.</summary>
    public static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>For a query string: the '+' of the offset must not turn into a space.</summary>
    public static string Q(DateTimeOffset time) => Uri.EscapeDataString(Iso(time));

    /// <summary>Moves the desk's fake clock forward to <paramref name="time"/>.</summary>
    public static void AdvanceTo(this Desk desk, DateTimeOffset time)
    {
        Assert.True(time >= desk.App.Clock.GetUtcNow(), $"The clock cannot go back to {time:O}.");
        desk.App.Clock.SetUtcNow(time.ToUniversalTime());
    }

    public static void Advance(this Desk desk, TimeSpan by) => desk.App.Clock.Advance(by);

    public static DateTimeOffset Now(this Desk desk) => desk.App.Clock.GetUtcNow();

    /// <summary>Alice reports a ticket of <paramref name="priority"/> now; returns the ticket JSON.</summary>
    public static async Task<JsonObject> ReportNowAsync(this Desk desk, string priority, string? title = null)
    {
        var response = await desk.Alice.PostJsonAsync("/api/tickets", Desk.Report(b =>
        {
            b["priority"] = priority;
            b["occurredAt"] = Iso(desk.Now() - TimeSpan.FromMinutes(5));
            if (title is not null)
            {
                b["title"] = title;
            }
        }));
        return await response.Json(HttpStatusCode.Created);
    }

    /// <summary>eng1 records a phone call for alice that was received at <paramref name="receivedAt"/>.</summary>
    public static async Task<JsonObject> RecordCallAsync(this Desk desk, string priority, DateTimeOffset receivedAt, string? title = null)
    {
        var response = await desk.Engineer.PostJsonAsync("/api/tickets", Desk.Report(b =>
        {
            b["priority"] = priority;
            b["channel"] = "phone";
            b["occurredAt"] = Iso(receivedAt - TimeSpan.FromMinutes(5));
            b["receivedAt"] = Iso(receivedAt);
            b["reporter"] = new JsonObject { ["login"] = "alice", ["name"] = Desk.AliceName, ["department"] = Desk.SalesDepartment };
            if (title is not null)
            {
                b["title"] = title;
            }
        }));
        return await response.Json(HttpStatusCode.Created);
    }

    /// <summary>One target of a ticket's <c>sla</c> object; fails when the target is null.</summary>
    public static JsonObject Target(this JsonObject ticket, string target)
    {
        var sla = ticket["sla"];
        Assert.True(sla is JsonObject, $"The ticket has no sla object: {ticket.ToJsonString()}");
        var node = sla[target];
        Assert.True(node is JsonObject, $"sla.{target} is null: {sla.ToJsonString()}");
        return node.AsObject();
    }

    public static DateTimeOffset? Time(this JsonNode? node, string name)
    {
        Assert.NotNull(node);
        return node[name] is { } value ? DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture) : null;
    }

    public static DateTimeOffset DueAt(this JsonObject ticket, string target)
    {
        var due = ticket.Target(target).Time("dueAt");
        Assert.True(due is not null, $"sla.{target}.dueAt is null: {ticket["sla"]!.ToJsonString()}");
        return due.Value;
    }

    public static DateTimeOffset ReceivedAt(this JsonObject ticket) => ticket.Time("receivedAt")!.Value;

    public static bool Flag(this JsonObject target, string name) => target[name]!.GetValue<bool>();

    public static async Task<JsonObject> TicketAsync(this Desk desk, string number) => await desk.GetTicketAsync(number);

    /// <summary>Runs one SLA sweep the way the background job does; returns how many events it recorded.</summary>
    public static Task<int> SweepAsync(this SupportFlowApp app) =>
        app.Services.GetRequiredService<SlaSweep>().SweepAsync(CancellationToken.None);

    /// <summary>The history lines of SLA events (action "sla") of one target and level.</summary>
    public static List<JsonNode> SlaLines(this JsonArray history, string target, string level) =>
        [.. history.Where(h => h!["action"]!.GetValue<string>() == "sla"
                               && h["field"]?.GetValue<string>() == target
                               && h["newValue"]?.GetValue<string>() == level).Select(h => h!)];

    public static async Task<JsonArray> BreachesAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/sla/breaches" + (query.Length == 0 ? "" : "?" + query));
        return await response.JsonArray();
    }

    /// <summary>The breach-log rows of one ticket, target and level.</summary>
    public static List<JsonNode> Rows(this JsonArray rows, string number, string target, string level) =>
        [.. rows.Where(r => r!["number"]!.GetValue<string>() == number
                            && r["target"]!.GetValue<string>() == target
                            && r["level"]!.GetValue<string>() == level).Select(r => r!)];
}
