using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using static SupportFlow.IntegrationTests.Sla.SlaTestKit;

namespace SupportFlow.IntegrationTests.Sla;

/// <summary>
/// Issue 3: "a P3 received Friday 17:30 (Asia/Shanghai, 09:00-18:00 Mon-Fri) is due for assignment
/// Monday 17:30". Each test sets the clock to a weekday, so each has its own desk.
/// </summary>
public sealed class BusinessDayTargetTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task AP3ReportedFridayAt1730IsDueForAssignmentMondayAt1730()
    {
        _desk.AdvanceTo(Sh(5, 22, 17, 30));

        var ticket = await _desk.ReportNowAsync("P3");

        Assert.Equal(Sh(5, 22, 17, 30), ticket.ReceivedAt());
        Assert.Equal("1 business day", ticket.Target("assignment").Str("target"));
        Assert.Equal("2026-05-25T17:30:00+08:00", ticket.Target("assignment").Str("dueAt")); // shown in the organisation's zone
        Assert.Equal(Sh(5, 25, 17, 30), ticket.DueAt("assignment"));
        Assert.Equal(Sh(5, 23, 17, 30), ticket.DueAt("firstResponse")); // 24 h of real time
        Assert.Equal(Sh(5, 27, 17, 30), ticket.DueAt("resolution")); // 3 business days: Mon, Tue, Wed
        Assert.Equal(Sh(5, 23, 17, 30), ticket["sla"].Time("nextDueAt")); // the nearest: first response
    }

    [Fact]
    public async Task AP3RecordedLaterWithReceivedAtFridayAt1730IsDueForAssignmentMondayAt1730()
    {
        _desk.AdvanceTo(Sh(5, 22, 18, 15));

        var ticket = await _desk.RecordCallAsync("P3", Sh(5, 22, 17, 30));

        Assert.Equal(Sh(5, 25, 17, 30), ticket.DueAt("assignment"));
        Assert.False(ticket.Target("assignment").Flag("breached"));
        var read = await _desk.TicketAsync(ticket.Str("number"));
        Assert.Equal(Sh(5, 25, 17, 30), read.DueAt("assignment"));
    }

    [Fact]
    public async Task AP3ReceivedOnSundayIsDueForAssignmentAtMondaysClose()
    {
        _desk.AdvanceTo(Sh(5, 24, 10, 0));

        var ticket = await _desk.ReportNowAsync("P3");

        Assert.Equal(Sh(5, 25, 18, 0), ticket.DueAt("assignment"));
    }

    [Fact]
    public async Task AP3IsNotBreachedForAssignmentOverTheWeekendButIsAfterMondayAt1730()
    {
        _desk.AdvanceTo(Sh(5, 22, 17, 30));
        var number = (await _desk.ReportNowAsync("P3")).Str("number");

        _desk.AdvanceTo(Sh(5, 25, 17, 30));
        var onTheDot = (await _desk.TicketAsync(number)).Target("assignment");
        Assert.False(onTheDot.Flag("breached"));
        Assert.True(onTheDot.Flag("atRisk"));

        _desk.AdvanceTo(Sh(5, 25, 17, 31));
        Assert.True((await _desk.TicketAsync(number)).Target("assignment").Flag("breached"));
    }
}
