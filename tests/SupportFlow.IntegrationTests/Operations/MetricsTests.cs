using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SupportFlow.Server.Operations;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Notifications;
using SupportFlow.IntegrationTests.Sla;

namespace SupportFlow.IntegrationTests.Operations;

/// <summary>
/// <c>/metrics</c> in Prometheus' text format: requests (ASP.NET Core's own histogram), tickets
/// created, SLA events by level and background job durations. Other tests run in the same
/// process at the same time, so counts are compared as "at least what this test did".
/// </summary>
public sealed partial class MetricsTests
{
    [Fact]
    public async Task MetricsCountRequestsTicketsCreatedSlaBreachesAndJobRuns()
    {
        await using var desk = await Desk.OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await desk.ReportAsync();
        }

        // A call received two days earlier is breached on arrival.
        await desk.RecordCallAsync("P1", SupportFlowApp.Start - TimeSpan.FromDays(2));
        using var anonymous = desk.App.CreateClient();

        var response = await anonymous.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.True(Value(text, "supportflow_tickets_created_total") >= 4, text);
        Assert.True(Value(text, "supportflow_sla_events_total", "level=\"breach\"") >= 1, text);
        Assert.True(Value(text, "http_server_request_duration_seconds_count", "http_route=\"/api/tickets/\"") >= 4, text);
        Assert.True(Value(text, "supportflow_job_duration_seconds_count", "job=\"SlaSweep\"") >= 1, text);
    }

    [Fact]
    public async Task MetricsCountOutboxDeliveriesByResultAndShowTheOutboxDepth()
    {
        // Mail to a port nobody listens on: the first attempt is retried later, the second gives up.
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(MailInbox.FreePort(), maxAttempts: 2));
        await desk.ReportAsync(change: b => b["priority"] = "P3");
        await desk.App.DeliverAsync();
        desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await desk.App.DeliverAsync();
        await desk.App.DeliverAsync(); // counts the outbox as the failure left it
        using var anonymous = desk.App.CreateClient();

        var text = await (await anonymous.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.True(Value(text, "supportflow_outbox_deliveries_total", "result=\"retry\"") >= 1, text);
        Assert.True(Value(text, "supportflow_outbox_deliveries_total", "result=\"failed\"") >= 1, text);
        Assert.Contains("supportflow_outbox_messages{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachServerCountsExactlyTheTicketsItStored()
    {
        // The meter comes from the host's IMeterFactory: tickets stored by the other tests' servers,
        // running at the same time in this process, are not counted here.
        await using var desk = await Desk.OpenAsync();
        using var created = new MetricCollector<long>(desk.App.Services.GetRequiredService<IMeterFactory>(),
            SupportFlowMetrics.MeterName, "supportflow.tickets.created");

        for (var i = 0; i < 3; i++)
        {
            await desk.ReportAsync();
        }

        Assert.Equal(3, created.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    /// <summary>The sum of a metric's samples whose labels contain <paramref name="label"/>.</summary>
    private static double Value(string text, string metric, string label = "") =>
        text.Split('\n')
            .Select(line => Sample().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>\S+)")]
    private static partial Regex Sample();
}
