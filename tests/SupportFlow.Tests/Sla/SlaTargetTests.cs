using SupportFlow.Sla;
using static SupportFlow.Tests.Sla.SlaTime;

namespace SupportFlow.Tests.Sla;

public class SlaTargetTests
{
    [Fact]
    public void WallClockTargetRunsThroughNightsAndWeekends()
    {
        Assert.Equal(Sh(3, 7, 21), SlaTarget.Hours(4).DueFrom(Sh(3, 7, 17), ShanghaiOffice));
        Assert.Equal(Sh(3, 8, 17, 30), SlaTarget.Hours(24).DueFrom(Sh(3, 7, 17, 30), ShanghaiOffice));
        Assert.Equal(Sh(3, 7, 17, 15), SlaTarget.Minutes(15).DueFrom(Sh(3, 7, 17), ShanghaiOffice));
    }

    [Fact]
    public void BusinessHoursTargetFollowsTheCalendar()
    {
        Assert.Equal(Sh(3, 10, 12), SlaTarget.BusinessHours(4).DueFrom(Sh(3, 7, 17), ShanghaiOffice));
        Assert.Equal(Sh(3, 7, 17, 45), SlaTarget.BusinessMinutes(45).DueFrom(Sh(3, 7, 17), ShanghaiOffice));
    }

    [Fact]
    public void BusinessDaysTargetFollowsTheBusinessDayRule()
    {
        Assert.Equal(Sh(3, 10, 17, 30), SlaTarget.BusinessDays(1).DueFrom(Sh(3, 7, 17, 30), ShanghaiOffice));
    }

    [Fact]
    public void NoTargetHasNoDueTime()
    {
        Assert.Null(SlaTarget.None.DueFrom(Sh(3, 7, 17), ShanghaiOffice));
        Assert.True(default(SlaTarget).IsNone);
        Assert.Equal(SlaTarget.None, SlaTarget.Create(SlaTargetKind.None, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void NonPositiveAmountsAreRefused(int amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaTarget.Minutes(amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaTarget.BusinessDays(amount));
    }

    [Fact]
    public void UnknownKindIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaTarget.Create((SlaTargetKind)9, 1));
    }

    [Fact]
    public void KindAndAmountAreAllThereIsToStore()
    {
        var hours = SlaTarget.BusinessHours(8);

        Assert.Equal(SlaTargetKind.BusinessTime, hours.Kind);
        Assert.Equal(480, hours.Amount);
        Assert.Equal(hours, SlaTarget.Create(hours.Kind, hours.Amount));
        Assert.Equal(SlaTarget.Hours(2), SlaTarget.Minutes(120));
        Assert.NotEqual(SlaTarget.Hours(2), SlaTarget.BusinessHours(2));
    }

    [Fact]
    public void OnlyBusinessTargetsUseTheCalendar()
    {
        Assert.False(SlaTarget.Hours(4).UsesCalendar);
        Assert.True(SlaTarget.BusinessHours(4).UsesCalendar);
        Assert.True(SlaTarget.BusinessDays(1).UsesCalendar);
    }

    [Theory]
    [InlineData(SlaTargetKind.WallClock, 15, "15 min")]
    [InlineData(SlaTargetKind.WallClock, 240, "4 h")]
    [InlineData(SlaTargetKind.BusinessTime, 480, "8 business h")]
    [InlineData(SlaTargetKind.BusinessDays, 1, "1 business day")]
    [InlineData(SlaTargetKind.BusinessDays, 3, "3 business days")]
    [InlineData(SlaTargetKind.None, 0, "none")]
    public void ReadsAsItsLength(SlaTargetKind kind, int amount, string text)
    {
        Assert.Equal(text, SlaTarget.Create(kind, amount).ToString());
    }
}
