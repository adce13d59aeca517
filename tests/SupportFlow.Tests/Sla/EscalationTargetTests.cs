using SupportFlow.Sla;

namespace SupportFlow.Tests.Sla;

/// <summary>An escalation level's <c>notify</c>: exactly one of four wire forms, read the same everywhere.</summary>
public sealed class EscalationTargetTests
{
    [Theory]
    [InlineData("supervisors", EscalationTargetKind.Supervisors, null)]
    [InlineData("team", EscalationTargetKind.Team, null)]
    [InlineData("chat", EscalationTargetKind.Chat, null)]
    [InlineData("user:zhangwei", EscalationTargetKind.User, "zhangwei")]
    [InlineData(" user:Zhang.Wei ", EscalationTargetKind.User, "zhang.wei")]
    public void EachWireFormParsesToItsKind(string wire, EscalationTargetKind kind, string? login)
    {
        Assert.True(EscalationTarget.TryParse(wire, out var target));
        Assert.Equal((kind, login), (target.Kind, target.Login));
    }

    [Theory]
    [InlineData("supervisors")]
    [InlineData("team")]
    [InlineData("chat")]
    [InlineData("user:li.wang@example.com")]
    public void TheWireFormRoundTrips(string wire) => Assert.Equal(wire, EscalationTarget.Parse(wire).ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("department head")]
    [InlineData("部门负责人")]
    [InlineData("Supervisors")]
    [InlineData("supervisor")]
    [InlineData("teams")]
    [InlineData("user:")]
    [InlineData("user")]
    [InlineData("user:张伟")]
    [InlineData("user:a b")]
    [InlineData("chat:系统组")]
    public void AnythingElseIsRefused(string? wire)
    {
        Assert.False(EscalationTarget.TryParse(wire, out var target));
        Assert.Null(target);
        Assert.Throws<FormatException>(() => EscalationTarget.Parse(wire ?? ""));
    }

    [Fact]
    public void AValueStoredBeforeTargetsWereTypedReachesTheSupervisors()
    {
        Assert.Equal(EscalationTarget.Supervisors, EscalationTarget.FromStored("department head"));
        Assert.Equal(EscalationTarget.Person("zhangwei"), EscalationTarget.FromStored("user:zhangwei"));
    }
}
