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
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Operations;

/// <summary>
/// <c>/metrics</c> in Prometheus' text format: requests (ASP.NET Core's own histogram), tickets
/// created, SLA events by level and background job durations. Other tests run in the same
/// process at the same time, so counts are compared as "at least what this test did".
/// </summary>
public sealed partial class MetricsTests
{
    private const string Token = "scraper-token-7f3a9c";

    [Fact]
    public async Task MetricsCountRequestsTicketsCreatedSlaBreachesAndJobRuns()
    {
        await using var desk = await Desk.OpenAsync(WithToken(new SupportFlowApp()));
        for (var i = 0; i < 3; i++)
        {
            await desk.ReportAsync();
        }

        // A call received two days earlier is breached on arrival.
        await desk.RecordCallAsync("P1", SupportFlowApp.Start - TimeSpan.FromDays(2));
        using var scraper = Scraper(desk, Token);

        var response = await scraper.GetAsync("/metrics");
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
        await using var desk = await Desk.OpenAsync(WithToken(NotificationKit.WithSmtp(MailInbox.FreePort(), maxAttempts: 2)));
        await desk.ReportAsync(change: b => b["priority"] = "P3");
        await desk.App.DeliverAsync();
        desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await desk.App.DeliverAsync();
        await desk.App.DeliverAsync(); // counts the outbox as the failure left it
        using var scraper = Scraper(desk, Token);

        var text = await (await scraper.GetAsync("/metrics")).Content.ReadAsStringAsync();

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

    [Fact]
    public async Task AnotherMachineIsRefusedWithoutTheTokenAndServedWithIt()
    {
        await using var desk = await Desk.OpenAsync(WithToken(new SupportFlowApp()));
        foreach (var client in new[] { desk.App.CreateClient(), Scraper(desk, "wrong-token"), Scraper(desk, Token + "x"), desk.Admin })
        {
            var refused = await client.GetAsync("/metrics");
            var problem = await refused.Problem(HttpStatusCode.Unauthorized);
            Assert.Contains("SupportFlow:Metrics:Token", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        }

        var chinese = Scraper(desk, "wrong-token");
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var inChinese = await (await chinese.GetAsync("/metrics")).Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("指标只提供给本机", inChinese["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var served = await Scraper(desk, Token).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("supportflow_", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await desk.App.CreateClient().GetAsync("/healthz")).StatusCode); // health stays open
    }

    [Theory]
    [InlineData("127.0.0.1", null, HttpStatusCode.OK)]
    [InlineData("::1", null, HttpStatusCode.OK)]
    [InlineData("::ffff:127.0.0.1", null, HttpStatusCode.OK)]
    [InlineData("192.0.2.7", null, HttpStatusCode.Unauthorized)]
    [InlineData("10.1.2.3", "any-token", HttpStatusCode.Unauthorized)]
    [InlineData("10.1.2.3", Token, HttpStatusCode.OK)]
    public async Task ACallerOnThisMachineNeedsNoToken(string address, string? bearer, HttpStatusCode expected)
    {
        await using var desk = await Desk.OpenAsync(WithToken(new SupportFlowApp()));
        var context = await desk.App.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (bearer is not null)
            {
                c.Request.Headers.Authorization = $"Bearer {bearer}";
            }
        });
        Assert.Equal((int)expected, context.Response.StatusCode);
    }

    [Fact]
    public async Task WithoutAConfiguredTokenOnlyThisMachineIsServed()
    {
        await using var desk = await Desk.OpenAsync();
        await (await Scraper(desk, "").GetAsync("/metrics")).Problem(HttpStatusCode.Unauthorized);
        await (await Scraper(desk, Token).GetAsync("/metrics")).Problem(HttpStatusCode.Unauthorized);
    }

    private static SupportFlowApp WithToken(SupportFlowApp app)
    {
        app.Settings["SupportFlow:Metrics:Token"] = Token;
        return app;
    }

    private static HttpClient Scraper(Desk desk, string token)
    {
        var client = desk.App.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return client;
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
