using Microsoft.Extensions.Time.Testing;
using SupportFlow.Sla;
using SupportFlow.Tickets;
using static SupportFlow.Tests.Sla.SlaTime;

namespace SupportFlow.Tests.Sla;

public class SlaClockTests
{
    private static readonly SlaPolicy P1 = SlaPolicy.Defaults[Priority.P1];
    private static readonly SlaPolicy P3 = SlaPolicy.Defaults[Priority.P3];

    private static SlaStatus Clocks(SlaPolicy policy, SlaTimeline timeline, DateTimeOffset now) =>
        SlaClock.Compute(policy, ShanghaiOffice, timeline, now);

    [Fact]
    public void EveryClockStartsAtReceipt()
    {
        var status = Clocks(P1, new SlaTimeline { ReceivedAt = Sh(3, 3, 10) }, Sh(3, 3, 10, 1));

        Assert.Equal(Sh(3, 3, 10, 15), status.FirstResponse.DueAt);
        Assert.Equal(Sh(3, 3, 10, 10), status.Assignment.DueAt);
        Assert.Equal(Sh(3, 3, 12), status.Update.DueAt);
        Assert.Equal(Sh(3, 3, 14), status.Resolution.DueAt);
        Assert.Equal(Sh(3, 3, 10, 10), status.NextDueAt);
        Assert.False(status.AnyBreached);
        Assert.False(status.AnyAtRisk);
    }

    [Fact]
    public void FirstResponseIsMetByTheFirstPublicResponse()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), FirstPublicResponseAt = Sh(3, 3, 10, 5) };

        var state = Clocks(P1, timeline, Sh(3, 3, 11)).FirstResponse;

        Assert.Equal(Sh(3, 3, 10, 5), state.MetAt);
        Assert.True(state.IsMet);
        Assert.False(state.Breached);
        Assert.False(state.AtRisk);
    }

    [Fact]
    public void AssignmentIsMetByTheFirstAssignment()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), FirstAssignedAt = Sh(3, 3, 10, 12) };

        var state = Clocks(P1, timeline, Sh(3, 3, 11)).Assignment;

        Assert.Equal(Sh(3, 3, 10, 12), state.MetAt);
        Assert.True(state.Breached);
    }

    [Fact]
    public void MetExactlyAtTheDueTimeIsOnTime()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), FirstPublicResponseAt = Sh(3, 3, 10, 15) };

        Assert.False(Clocks(P1, timeline, Sh(3, 3, 12)).FirstResponse.Breached);
    }

    [Fact]
    public void MetOneTickAfterTheDueTimeIsABreach()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), FirstPublicResponseAt = Sh(3, 3, 10, 15).AddTicks(1) };

        Assert.True(Clocks(P1, timeline, Sh(3, 3, 12)).FirstResponse.Breached);
    }

    [Fact]
    public void UnmetTargetBreachesOnlyAfterTheDueTime()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10) };

        Assert.False(Clocks(P1, timeline, Sh(3, 3, 10, 15)).FirstResponse.Breached);
        Assert.True(Clocks(P1, timeline, Sh(3, 3, 10, 15).AddTicks(1)).FirstResponse.Breached);
    }

    [Fact]
    public void TargetIsAtRiskFromExactlyEightyPercent()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10) };
        var warnAt = Sh(3, 3, 13, 12);

        Assert.Equal(warnAt, Clocks(P1, timeline, Sh(3, 3, 10)).Resolution.WarnAt);
        Assert.False(Clocks(P1, timeline, warnAt.AddTicks(-1)).Resolution.AtRisk);
        Assert.True(Clocks(P1, timeline, warnAt).Resolution.AtRisk);
    }

    [Fact]
    public void MetTargetIsNeverAtRisk()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), FirstPublicResponseAt = Sh(3, 3, 10, 14) };

        var state = Clocks(P1, timeline, Sh(3, 3, 10, 14)).FirstResponse;

        Assert.Equal(Sh(3, 3, 10, 12), state.WarnAt);
        Assert.False(state.AtRisk);
    }

    [Fact]
    public void TargetGoesFromOnTrackToAtRiskToBreachedAsTimePasses()
    {
        var time = new FakeTimeProvider(Sh(3, 3, 10));
        var timeline = new SlaTimeline { ReceivedAt = time.GetUtcNow() };

        time.Advance(TimeSpan.FromMinutes(11));
        var onTrack = Clocks(P1, timeline, time.GetUtcNow()).FirstResponse;
        time.Advance(TimeSpan.FromMinutes(1));
        var atRisk = Clocks(P1, timeline, time.GetUtcNow()).FirstResponse;
        time.Advance(TimeSpan.FromMinutes(4));
        var breached = Clocks(P1, timeline, time.GetUtcNow()).FirstResponse;

        Assert.Equal((false, false), (onTrack.AtRisk, onTrack.Breached));
        Assert.Equal((true, false), (atRisk.AtRisk, atRisk.Breached));
        Assert.True(breached.Breached);
    }

    [Fact]
    public void P1ReceivedFiveHoursAgoIsBreachedForResolution()
    {
        var now = Sh(3, 3, 15);
        var timeline = new SlaTimeline { ReceivedAt = now.AddHours(-5), FirstPublicResponseAt = now.AddHours(-5), FirstAssignedAt = now.AddHours(-5) };

        var status = Clocks(P1, timeline, now);

        Assert.True(status.Resolution.Breached);
        Assert.Equal(now.AddHours(-1), status.Resolution.DueAt);
        Assert.False(status.FirstResponse.Breached);
        Assert.True(status.AnyBreached);
    }

    [Fact]
    public void P3ReceivedFridayEveningIsDueForAssignmentMondayEvening()
    {
        var status = Clocks(P3, new SlaTimeline { ReceivedAt = Sh(3, 7, 17, 30) }, Sh(3, 7, 17, 30));

        Assert.Equal(Sh(3, 10, 17, 30), status.Assignment.DueAt);
        Assert.Equal(Sh(3, 8, 17, 30), status.FirstResponse.DueAt);
        Assert.Equal(Sh(3, 12, 17, 30), status.Resolution.DueAt);
    }

    [Fact]
    public void BusinessDayTargetWarnsAtEightyPercentOfItsBusinessTime()
    {
        // 3 business days = 27 business hours; 80% = 21 h 36 min: Fri 0.5 + Mon 9 + Tue 9 + Wed 3.1.
        var state = Clocks(P3, new SlaTimeline { ReceivedAt = Sh(3, 7, 17, 30) }, Sh(3, 12, 12, 6)).Resolution;

        Assert.Equal(Sh(3, 12, 12, 6), state.WarnAt);
        Assert.True(state.AtRisk);
        Assert.False(state.Breached);
    }

    [Fact]
    public void BusinessDayWarningFollowsTheLengthOfTheWorkingDay()
    {
        // A 7.5 h day with lunch: 80% of one business day is 6 h, reached Mon 17:30 from Mon 10:00.
        var calendar = ShanghaiOffice
            .WithHours(DayOfWeek.Monday, Hours("09:00-12:00"), Hours("13:30-18:00"))
            .WithHours(DayOfWeek.Tuesday, Hours("09:00-12:00"), Hours("13:30-18:00"));

        var state = SlaClock.Compute(P3, calendar, new SlaTimeline { ReceivedAt = Sh(3, 3, 10) }, Sh(3, 3, 17, 30)).Assignment;

        Assert.Equal(Sh(3, 4, 10), state.DueAt);
        Assert.Equal(Sh(3, 3, 17, 30), state.WarnAt);
        Assert.True(state.AtRisk);
    }

    [Fact]
    public void TargetOfNoneNeverFallsDue()
    {
        var state = Clocks(P3, new SlaTimeline { ReceivedAt = Sh(3, 3, 10) }, Sh(12, 31, 0)).Update;

        Assert.False(state.Applies);
        Assert.Null(state.DueAt);
        Assert.Null(state.WarnAt);
        Assert.False(state.Breached);
        Assert.False(state.AtRisk);
    }

    [Fact]
    public void RetriageRecomputesFromReceiptUnderTheNewPriority()
    {
        var timeline = new SlaTimeline { ReceivedAt = Sh(3, 3, 10), FirstPublicResponseAt = Sh(3, 3, 10, 30) };
        var now = Sh(3, 3, 15);

        var asP3 = Clocks(P3, timeline, now);
        var asP1 = Clocks(P1, timeline, now);

        Assert.False(asP3.Resolution.Breached);
        Assert.Equal(Sh(3, 6, 10), asP3.Resolution.DueAt);
        Assert.Equal(Sh(3, 3, 14), asP1.Resolution.DueAt);
        Assert.True(asP1.Resolution.Breached);
        Assert.True(asP1.FirstResponse.Breached);
    }

    [Fact]
    public void NextDueAtSkipsTargetsAlreadyMet()
    {
        var timeline = new SlaTimeline
        {
            ReceivedAt = Sh(3, 3, 10),
            FirstPublicResponseAt = Sh(3, 3, 10, 5),
            FirstAssignedAt = Sh(3, 3, 10, 5),
        };

        Assert.Equal(Sh(3, 3, 12), Clocks(P1, timeline, Sh(3, 3, 10, 30)).NextDueAt);
    }
}
