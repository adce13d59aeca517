using SupportFlow.Sla;
using SupportFlow.Tickets;
using static SupportFlow.Tests.Sla.SlaTime;

namespace SupportFlow.Tests.Sla;

public class SlaClockPauseTests
{
    private static readonly SlaPolicy P1 = SlaPolicy.Defaults[Priority.P1];
    private static readonly SlaPolicy P3 = SlaPolicy.Defaults[Priority.P3];

    private static SlaStatus Clocks(SlaPolicy policy, SlaTimeline timeline, DateTimeOffset now) =>
        SlaClock.Compute(policy, ShanghaiOffice, timeline, now);

    [Fact]
    public void PendingOnReporterMovesResolutionDueByThePausedTime()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), PendingOnReporter = [ClockInterval.Between(Sh(3, 3, 11), Sh(3, 3, 12, 30))] };

        var state = Clocks(P1, timeline, Sh(3, 3, 13)).Resolution;

        Assert.Equal(Sh(3, 3, 15, 30), state.DueAt);
        Assert.Equal(Sh(3, 3, 14, 42), state.WarnAt);
        Assert.Equal(90, state.PausedMinutes);
        Assert.False(state.IsPaused);
    }

    [Fact]
    public void PendingDoesNotPauseFirstResponseOrAssignment()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), PendingOnReporter = [ClockInterval.Since(Sh(3, 3, 10, 1))] };

        var status = Clocks(P1, timeline, Sh(3, 3, 11));

        Assert.Equal(Sh(3, 3, 10, 15), status.FirstResponse.DueAt);
        Assert.True(status.FirstResponse.Breached);
        Assert.Equal(0, status.FirstResponse.PausedMinutes);
        Assert.True(status.Assignment.Breached);
    }

    [Fact]
    public void WhilePendingTheDueTimeIsOpenAndCannotBreach()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), PendingOnReporter = [ClockInterval.Since(Sh(3, 3, 11))] };

        var state = Clocks(P1, timeline, Sh(3, 3, 20)).Resolution;

        Assert.True(state.IsPaused);
        Assert.Null(state.DueAt);
        Assert.False(state.Breached);
        Assert.False(state.AtRisk);
        Assert.Equal(9 * 60, state.PausedMinutes);
    }

    [Fact]
    public void ResumingGivesBackTheRemainingTime()
    {
        // 1 h ran before the pause, so 3 h remain after resuming at 20:00.
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), PendingOnReporter = [ClockInterval.Between(Sh(3, 3, 11), Sh(3, 3, 20))] };

        var state = Clocks(P1, timeline, Sh(3, 3, 20)).Resolution;

        Assert.Equal(Sh(3, 3, 23), state.DueAt);
        Assert.False(state.IsPaused);
    }

    [Fact]
    public void PauseAfterTheDeadlineDoesNotUndoTheBreach()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), PendingOnReporter = [ClockInterval.Since(Sh(3, 3, 15))] };

        var state = Clocks(P1, timeline, Sh(3, 3, 16)).Resolution;

        Assert.Equal(Sh(3, 3, 14), state.DueAt);
        Assert.True(state.Breached);
        Assert.True(state.IsPaused);
        Assert.Equal(0, state.PausedMinutes);
    }

    [Fact]
    public void PauseStartingExactlyAtTheDeadlineComesTooLate()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), PendingOnReporter = [ClockInterval.Since(Sh(3, 3, 14))] };

        var state = Clocks(P1, timeline, Sh(3, 3, 15)).Resolution;

        Assert.Equal(Sh(3, 3, 14), state.DueAt);
        Assert.True(state.Breached);
    }

    [Fact]
    public void PauseWhileAtRiskKeepsTheWarningButNotTheDeadline()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), PendingOnReporter = [ClockInterval.Since(Sh(3, 3, 13, 30))] };

        var state = Clocks(P1, timeline, Sh(3, 3, 18)).Resolution;

        Assert.Equal(Sh(3, 3, 13, 12), state.WarnAt);
        Assert.True(state.AtRisk);
        Assert.Null(state.DueAt);
        Assert.False(state.Breached);
    }

    [Fact]
    public void BusinessTargetMovesByThePausedWorkingTimeOnly()
    {
        // P3 resolution from Mon 10:00 is Thu 10:00. Pending Mon 17:00 - Tue 11:00 spans 3 working hours.
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), PendingOnReporter = [ClockInterval.Between(Sh(3, 3, 17), Sh(3, 4, 11))] };

        var state = Clocks(P3, timeline, Sh(3, 4, 12)).Resolution;

        Assert.Equal(Sh(3, 6, 13), state.DueAt);
        Assert.Equal(180, state.PausedMinutes);
    }

    [Fact]
    public void PauseOutsideWorkingHoursDoesNotMoveABusinessTarget()
    {
        // P3 resolution from Thu 10:00 is Tue 10:00; pending from Friday evening to Monday morning.
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 6, 10), PendingOnReporter = [ClockInterval.Between(Sh(3, 7, 18, 30), Sh(3, 10, 8))] };

        var state = Clocks(P3, timeline, Sh(3, 10, 9)).Resolution;

        Assert.Equal(Sh(3, 11, 10), state.DueAt);
        Assert.Equal(0, state.PausedMinutes);
    }

    [Fact]
    public void ResolvingWhilePendingEndsThePauseThere()
    {
        var timeline = new SlaTimeline
        {
            ReceivedAt = Sh(3, 3, 10),
            PendingOnReporter = [ClockInterval.Between(Sh(3, 3, 13), Sh(3, 3, 16))],
            Resolutions = [ClockInterval.Since(Sh(3, 3, 15))],
        };

        var state = Clocks(P1, timeline, Sh(3, 3, 17)).Resolution;

        Assert.Equal(Sh(3, 3, 16), state.DueAt);
        Assert.Equal(120, state.PausedMinutes);
        Assert.False(state.Breached);
    }

    [Fact]
    public void OverlappingPausesCountOnce()
    {
        var timeline = new SlaTimeline
        {
            ReceivedAt = Sh(3, 3, 10),
            PendingOnReporter = [ClockInterval.Between(Sh(3, 3, 12), Sh(3, 3, 13)), ClockInterval.Between(Sh(3, 3, 11), Sh(3, 3, 12, 30))],
        };

        var state = Clocks(P1, timeline, Sh(3, 3, 13)).Resolution;

        Assert.Equal(Sh(3, 3, 16), state.DueAt);
        Assert.Equal(120, state.PausedMinutes);
    }

    [Fact]
    public void SeveralPausesAddUp()
    {
        var timeline = new SlaTimeline
        {
            ReceivedAt = Sh(3, 3, 10),
            PendingOnReporter = [ClockInterval.Between(Sh(3, 3, 11), Sh(3, 3, 11, 20)), ClockInterval.Between(Sh(3, 3, 12), Sh(3, 3, 12, 40))],
        };

        Assert.Equal(Sh(3, 3, 15), Clocks(P1, timeline, Sh(3, 3, 13)).Resolution.DueAt);
    }

    [Fact]
    public void PauseEndedBeforeReceiptIsIgnored()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), PendingOnReporter = [ClockInterval.Between(Sh(3, 3, 8), Sh(3, 3, 9))] };

        var state = Clocks(P1, timeline, Sh(3, 3, 11)).Resolution;

        Assert.Equal(Sh(3, 3, 14), state.DueAt);
        Assert.Equal(0, state.PausedMinutes);
    }

    [Fact]
    public void PausedMinutesRoundDown()
    {
        var timeline = new SlaTimeline
        {
            ReceivedAt = Sh(3, 3, 10),
            PendingOnReporter = [ClockInterval.Between(Sh(3, 3, 11), Sh(3, 3, 11, 2).AddSeconds(59))],
        };

        var state = Clocks(P1, timeline, Sh(3, 3, 12)).Resolution;

        Assert.Equal(2, state.PausedMinutes);
        Assert.Equal(TimeSpan.FromSeconds(179), state.PausedTime);
    }
}
