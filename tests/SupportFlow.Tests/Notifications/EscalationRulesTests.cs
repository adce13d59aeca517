using SupportFlow.Notifications;
using SupportFlow.Sla;
using SupportFlow.Tests.Sla;
using SupportFlow.Tests.Tickets;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Notifications;

/// <summary>
/// Which escalation levels a change owes a notice. An unassigned P1 breaches assignment at 10 min,
/// first response at 15 and update at 2 h, each raising every level's event: a level still reaches
/// its target only once per ticket.
/// </summary>
public sealed class EscalationRulesTests
{
    private static readonly SlaEscalation Level1 = new("一级 值班主管", TimeSpan.FromMinutes(30), EscalationTarget.Supervisors);
    private static readonly SlaEscalation Level2 = new("二级", TimeSpan.FromMinutes(60), EscalationTarget.Person("zhangwei"));
    private static readonly IReadOnlyList<SlaEscalation> Levels = [Level2, Level1];

    private readonly Desk _desk = new();
    private readonly Ticket _ticket;
    private readonly DateTimeOffset _received;

    public EscalationRulesTests()
    {
        _received = _desk.Clock.GetUtcNow();
        _ticket = Ticket.Receive(Desk.Number, _desk.Intake(priority: Priority.P1), _desk.Module, _desk.Reporter, _received);
    }

    /// <summary>Runs the SLA at <paramref name="minutes"/> after receipt; returns the levels owed by the lines it appended.</summary>
    private IReadOnlyList<OwedEscalation> At(int minutes, IReadOnlyCollection<string> notified, IReadOnlyList<SlaEscalation>? levels = null)
    {
        var before = _ticket.History.Count;
        _ticket.ApplySla(SlaTime.ShanghaiOffice, levels ?? Levels, _received.AddMinutes(minutes));
        return EscalationRules.Owed(_ticket, _ticket.History.Skip(before), levels ?? Levels, notified);
    }

    [Fact]
    public void ALevelIsOwedWhenTheFirstBreachHasLastedItsTime()
    {
        Assert.Empty(At(39, []));

        var owed = Assert.Single(At(41, []));

        Assert.Equal((Level1, SlaTargets.Assignment), (owed.Level, owed.Target));
        Assert.Equal(_received.AddMinutes(10), owed.DueAt);
        Assert.Equal(TimeSpan.FromMinutes(31), owed.BreachedFor(_received.AddMinutes(41)));
    }

    [Fact]
    public void ALevelAlreadySentIsNotOwedAgainWhenAnotherTargetReachesIt()
    {
        Assert.Single(At(41, []));

        // First response (due at 15 min) reaches level 1 at 45 min: its event is recorded, but the level was sent.
        Assert.Empty(At(46, ["一级 值班主管"]));
        Assert.Contains(_ticket.SlaEvents, e => e.Target == SlaTargets.FirstResponse && e.Level == SlaTargets.EscalationLevel(Level1.Name));
    }

    [Fact]
    public void LevelsFallingDueTogetherAreEachOwedOnceInTheirOrder()
    {
        // Nothing ran for three hours: three targets each raise both levels in one change.
        var owed = At(180, []);

        Assert.Equal([Level1, Level2], owed.Select(o => o.Level));
        Assert.Equal(SlaTargets.Assignment, owed[0].Target);
    }

    [Fact]
    public void OnlyTheLevelsNotYetSentAreOwed() =>
        Assert.Equal([Level2], At(180, ["一级 值班主管"]).Select(o => o.Level));

    [Fact]
    public void ALevelRemovedMeanwhileIsOwedToNoOne()
    {
        var before = _ticket.History.Count;
        _ticket.ApplySla(SlaTime.ShanghaiOffice, Levels, _received.AddMinutes(41));

        Assert.Empty(EscalationRules.Owed(_ticket, _ticket.History.Skip(before), [Level2], []));
    }

    [Fact]
    public void EachOwedLevelIsANoticeToItsTargetsAudience()
    {
        var notices = EscalationRules.Notices(At(180, [])).ToList();

        Assert.Equal([Audience.Supervisors, Audience.User], notices.Select(n => n.Audience));
        Assert.All(notices, n => Assert.Equal(NotificationEvent.SlaEscalation, n.Event));
        Assert.All(notices, n => Assert.Null(n.ActorId));
        Assert.Equal("zhangwei", notices[1].Escalation!.Level.Notify.Login);
    }
}
