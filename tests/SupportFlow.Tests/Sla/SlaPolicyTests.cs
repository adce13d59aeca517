using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Sla;

public class SlaPolicyTests
{
    [Fact]
    public void DefaultsCoverEveryPriority()
    {
        Assert.Equal(Enum.GetValues<Priority>().Order(), SlaPolicy.Defaults.Keys.Order());
        Assert.All(SlaPolicy.Defaults, pair => Assert.Equal(pair.Key, pair.Value.Priority));
    }

    [Fact]
    public void P1IsFifteenMinutesTenMinutesTwoHoursFourHoursAroundTheClock()
    {
        Assert.Equal(
            new SlaPolicy(Priority.P1, SlaTarget.Minutes(15), SlaTarget.Minutes(10), SlaTarget.Hours(2), SlaTarget.Hours(4)),
            SlaPolicy.Defaults[Priority.P1]);
    }

    [Fact]
    public void P2IsTwentyFourHoursTenMinutesFourHoursEightHoursAroundTheClock()
    {
        Assert.Equal(
            new SlaPolicy(Priority.P2, SlaTarget.Hours(24), SlaTarget.Minutes(10), SlaTarget.Hours(4), SlaTarget.Hours(8)),
            SlaPolicy.Defaults[Priority.P2]);
    }

    [Fact]
    public void P3IsTwentyFourHoursOneBusinessDayNoUpdatesThreeBusinessDays()
    {
        Assert.Equal(
            new SlaPolicy(Priority.P3, SlaTarget.Hours(24), SlaTarget.BusinessDays(1), SlaTarget.None, SlaTarget.BusinessDays(3)),
            SlaPolicy.Defaults[Priority.P3]);
    }

    [Fact]
    public void P4IsTwentyFourHoursOneBusinessDayNoUpdatesFiveBusinessDays()
    {
        Assert.Equal(
            new SlaPolicy(Priority.P4, SlaTarget.Hours(24), SlaTarget.BusinessDays(1), SlaTarget.None, SlaTarget.BusinessDays(5)),
            SlaPolicy.Defaults[Priority.P4]);
    }

    [Fact]
    public void FirstResponseIsRealTimeForEveryPriority()
    {
        Assert.All(SlaPolicy.Defaults.Values, policy => Assert.Equal(SlaTargetKind.WallClock, policy.FirstResponse.Kind));
    }
}
