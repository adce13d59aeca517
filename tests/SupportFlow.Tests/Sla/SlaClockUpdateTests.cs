using SupportFlow.Sla;
using SupportFlow.Tickets;
using static SupportFlow.Tests.Sla.SlaTime;

namespace SupportFlow.Tests.Sla;

public class SlaClockUpdateTests
{
    private static readonly SlaPolicy P1 = SlaPolicy.Defaults[Priority.P1];

    private static SlaTargetState Update(SlaTimeline timeline, DateTimeOffset now) =>
        SlaClock.Compute(P1, ShanghaiOffice, timeline, now).Update;

    [Fact]
    public void FirstUpdateIsDueOneIntervalAfterReceipt()
    {
        var state = Update(new SlaTimeline { ReceivedAt = Sh(3, 3, 10) }, Sh(3, 3, 11));

        Assert.Equal(Sh(3, 3, 12), state.DueAt);
        Assert.Null(state.MetAt);
    }

    [Fact]
    public void EachPublicUpdateRestartsTheUpdateClock()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), LastPublicUpdateAt = Sh(3, 3, 11, 40) };

        var state = Update(timeline, Sh(3, 3, 12, 30));

        Assert.Equal(Sh(3, 3, 13, 40), state.DueAt);
        Assert.Equal(Sh(3, 3, 13, 16), state.WarnAt);
        Assert.False(state.Breached);
        Assert.Null(state.MetAt);
    }

    [Fact]
    public void UpdateOverdueSinceTheLastUpdateIsBreached()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), LastPublicUpdateAt = Sh(3, 3, 11) };

        Assert.True(Update(timeline, Sh(3, 3, 13, 1)).Breached);
    }

    [Fact]
    public void ResolutionStopsTheUpdateClock()
    {
        var timeline = new SlaTimeline
        {
            ReceivedAt = Sh(3, 3, 10),
            LastPublicUpdateAt = Sh(3, 3, 11),
            Resolutions = [ClockInterval.Since(Sh(3, 3, 12))],
        };

        var state = Update(timeline, Sh(3, 5, 0));

        Assert.Equal(Sh(3, 3, 12), state.MetAt);
        Assert.False(state.Breached);
        Assert.False(state.AtRisk);
    }

    [Fact]
    public void UpdateOverdueWhenResolvedStaysBreached()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), Resolutions = [ClockInterval.Since(Sh(3, 3, 12, 30))] };

        Assert.True(Update(timeline, Sh(3, 3, 13)).Breached);
    }

    [Fact]
    public void UpdateClockPausesWhilePendingOnTheReporter()
    {
        var timeline = new SlaTimeline
        {
            ReceivedAt = Sh(3, 3, 10),
            LastPublicUpdateAt = Sh(3, 3, 11),
            PendingOnReporter = [ClockInterval.Between(Sh(3, 3, 10, 30), Sh(3, 3, 11, 30))],
        };

        var state = Update(timeline, Sh(3, 3, 12));

        // Only the 30 minutes of the pause after the last update count.
        Assert.Equal(Sh(3, 3, 13, 30), state.DueAt);
        Assert.Equal(30, state.PausedMinutes);
    }
}
