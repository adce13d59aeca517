using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>Issue 3: "a P1 received 5 hours ago is breached for resolution".</summary>
public sealed class ResolutionBreachTests(SlaDeskFixture fixture) : IClassFixture<SlaDeskFixture>
{
    private readonly Infrastructure.Desk _desk = fixture.Desk;

    [Fact]
    public async Task AP1ReceivedFiveHoursAgoIsBreachedForResolutionAndListedAsBreached()
    {
        var receivedAt = _desk.Now() - TimeSpan.FromHours(5);
        var old = await _desk.RecordCallAsync("P1", receivedAt, "Whole sales floor offline since this morning");
        var fresh = await _desk.ReportNowAsync("P1", "Just went down");

        Assert.Equal(receivedAt, old.ReceivedAt());
        var resolution = old.Target("resolution");
        Assert.Equal("4 h", resolution.Str("target"));
        Assert.Equal(receivedAt + TimeSpan.FromHours(4), old.DueAt("resolution"));
        Assert.True(resolution.Flag("breached"));
        Assert.Null(resolution["metAt"]);
        Assert.True(old["sla"]!["breached"]!.GetValue<bool>());

        // The same ticket read back later says the same; the fresh one is not breached.
        var again = await _desk.TicketAsync(old.Str("number"));
        Assert.True(again.Target("resolution").Flag("breached"));
        Assert.False(fresh.Target("resolution").Flag("breached"));
        Assert.False(fresh["sla"]!["breached"]!.GetValue<bool>());

        var breached = await _desk.Supervisor.AllNumbersAsync("sla=breached");
        Assert.Contains(old.Str("number"), breached);
        Assert.DoesNotContain(fresh.Str("number"), breached);
    }

    [Fact]
    public async Task ATicketReceivedAlreadyBreachedHasItsBreachRecordedOnceWithoutAWarning()
    {
        var receivedAt = _desk.Now() - TimeSpan.FromHours(5);
        var number = (await _desk.RecordCallAsync("P1", receivedAt)).Str("number");
        var recordedAt = _desk.Now();
        await _desk.App.SweepAsync();
        _desk.Advance(TimeSpan.FromMinutes(1));
        await _desk.App.SweepAsync();

        var history = await _desk.HistoryAsync(number);
        Assert.Single(history.SlaLines("resolution", "breach"));
        Assert.Empty(history.SlaLines("resolution", "warning"));
        var rows = await _desk.Supervisor.BreachesAsync("");
        var row = Assert.Single(rows.Rows(number, "resolution", "breach"));
        Assert.Equal(receivedAt.AddHours(4), row.Time("dueAt"));
        Assert.Equal(recordedAt, row.Time("recordedAt"));
    }

    [Fact]
    public async Task AP1ReceivedThreeHoursAgoIsNotYetBreachedForResolution()
    {
        var receivedAt = _desk.Now() - TimeSpan.FromHours(3);
        var ticket = await _desk.RecordCallAsync("P1", receivedAt);

        var resolution = ticket.Target("resolution");
        Assert.Equal(receivedAt + TimeSpan.FromHours(4), ticket.DueAt("resolution"));
        Assert.Equal(receivedAt + TimeSpan.FromMinutes(192), resolution.Time("warnAt")); // 80% of 4 h
        Assert.False(resolution.Flag("breached"));
        Assert.False(resolution.Flag("atRisk")); // 75% elapsed
    }
}
