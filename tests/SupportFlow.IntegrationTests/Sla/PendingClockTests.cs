using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Sla.SlaTestKit;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// Issue 3: "pending time extends the resolution due time by exactly the paused working time";
/// pending on a vendor does not. The desk opens Wednesday 2026-05-20 14:30 Shanghai; a P3's
/// resolution (3 business days) is then due Monday 14:30.
/// </summary>
public sealed class PendingClockTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private async Task<string> P3InProgressAsync()
    {
        var ticket = await _desk.ReportNowAsync("P3");
        Assert.Equal(Sh(5, 25, 14, 30), ticket.DueAt("resolution"));
        var number = ticket.Str("number");
        await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "start"));
        return number;
    }

    [Fact]
    public async Task PendingOnTheReporterForTwoWorkingHoursMovesTheResolutionDueTimeByTwoHours()
    {
        var number = await P3InProgressAsync();

        _desk.AdvanceTo(Sh(5, 20, 15, 0));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "pend", new { reason = "reporter", note = "Which browser do you use?" }));
        _desk.AdvanceTo(Sh(5, 20, 16, 0));
        var waiting = (await _desk.TicketAsync(number)).Target("resolution");
        Assert.True(waiting.Flag("paused"));
        Assert.Equal(60, waiting["pausedMinutes"]!.GetValue<int>());

        _desk.AdvanceTo(Sh(5, 20, 17, 0));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "resume"));

        var resumed = await _desk.TicketAsync(number);
        var resolution = resumed.Target("resolution");
        Assert.False(resolution.Flag("paused"));
        Assert.Equal(120, resolution["pausedMinutes"]!.GetValue<int>());
        Assert.Equal(Sh(5, 25, 16, 30), resumed.DueAt("resolution"));
        // The clocks that never pause did not move.
        Assert.Equal(Sh(5, 21, 14, 30), resumed.DueAt("firstResponse"));
    }

    [Fact]
    public async Task PendingOnTheReporterOvernightMovesTheResolutionDueTimeOnlyByTheWorkingHoursInBetween()
    {
        var number = await P3InProgressAsync();

        _desk.AdvanceTo(Sh(5, 20, 17, 0));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "pend", new { reason = "reporter" }));
        _desk.AdvanceTo(Sh(5, 21, 10, 0));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "resume"));

        // 17 h of real time, of which 17:00-18:00 and 09:00-10:00 are working time.
        var resumed = await _desk.TicketAsync(number);
        Assert.Equal(Sh(5, 25, 16, 30), resumed.DueAt("resolution"));
        Assert.Equal(120, resumed.Target("resolution")["pausedMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task PendingOnAVendorDoesNotMoveTheResolutionDueTime()
    {
        var number = await P3InProgressAsync();

        _desk.AdvanceTo(Sh(5, 20, 15, 0));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "pend", new { reason = "vendor", note = "Waiting for the vendor's patch" }));
        _desk.AdvanceTo(Sh(5, 20, 16, 0));
        var waiting = await _desk.TicketAsync(number);
        Assert.False(waiting.Target("resolution").Flag("paused"));
        Assert.Equal(Sh(5, 25, 14, 30), waiting.DueAt("resolution"));

        _desk.AdvanceTo(Sh(5, 20, 17, 0));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "resume"));

        var resumed = await _desk.TicketAsync(number);
        Assert.Equal(Sh(5, 25, 14, 30), resumed.DueAt("resolution"));
        Assert.Equal(0, resumed.Target("resolution")["pausedMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheReportersAnswerEndsThePauseAndA24x7ClockMovesByTheRealTimeWaited()
    {
        var ticket = await _desk.ReportNowAsync("P1");
        var number = ticket.Str("number");
        var received = ticket.ReceivedAt();
        await TicketTestKit.Ok(_desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "start"));

        _desk.Advance(TimeSpan.FromMinutes(30));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "pend", new { reason = "reporter", note = "Send a screenshot please" }));
        _desk.Advance(TimeSpan.FromMinutes(45));
        var answered = await TicketTestKit.Ok(_desk.Alice.Act(number, "comment", new { message = "Screenshot attached by mail" }));

        Assert.Equal("inProgress", answered.Str("status"));
        var now = await _desk.TicketAsync(number);
        Assert.Equal(received + TimeSpan.FromHours(4) + TimeSpan.FromMinutes(45), now.DueAt("resolution"));
        Assert.Equal(received + TimeSpan.FromHours(2) + TimeSpan.FromMinutes(45), now.DueAt("update"));
        Assert.Equal(45, now.Target("resolution")["pausedMinutes"]!.GetValue<int>());
        Assert.False(now.Target("resolution").Flag("paused"));
    }
}
