using SupportFlow.Routing;

namespace SupportFlow.Tests.Routing;

public sealed class AssignmentRulesTests
{
    private static TeamMemberLoad Member(int id, string login, bool available = true, int open = 0) =>
        new(id, login, available, open);

    [Fact]
    public void RoundRobinHandsTurnsToAvailableMembersInLoginOrder()
    {
        TeamMemberLoad[] team = [Member(3, "wang"), Member(1, "li"), Member(2, "zhang")];

        var owners = Enumerable.Range(1, 6).Select(turn => AssignmentRules.RoundRobin(team, turn)!.Member.Login).ToArray();

        Assert.Equal(["li", "wang", "zhang", "li", "wang", "zhang"], owners);
    }

    [Fact]
    public void RoundRobinSkipsAMemberWhoIsNotAvailable()
    {
        TeamMemberLoad[] team = [Member(1, "li"), Member(2, "wang", available: false), Member(3, "zhang")];

        var owners = Enumerable.Range(1, 4).Select(turn => AssignmentRules.RoundRobin(team, turn)!.Member.Login).ToArray();

        Assert.Equal(["li", "zhang", "li", "zhang"], owners);
    }

    [Fact]
    public void RoundRobinSaysWhichTurnItWasInTheReason()
    {
        var choice = AssignmentRules.RoundRobin([Member(1, "li"), Member(2, "wang")], 4)!;

        Assert.Equal("wang", choice.Member.Login);
        Assert.Contains("round robin", choice.Reason.ToString(), StringComparison.Ordinal);
        Assert.Contains("turn 4", choice.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LeastLoadedPicksTheAvailableMemberWithFewestOpenTickets()
    {
        TeamMemberLoad[] team = [Member(1, "li", open: 4), Member(2, "wang", open: 1), Member(3, "zhang", open: 2)];

        var choice = AssignmentRules.LeastLoaded(team)!;

        Assert.Equal("wang", choice.Member.Login);
        Assert.Contains("least loaded: 1 open", choice.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LeastLoadedIgnoresAnUnavailableMemberEvenWithNothingOpen()
    {
        TeamMemberLoad[] team = [Member(1, "li", available: false, open: 0), Member(2, "wang", open: 3), Member(3, "zhang", open: 5)];

        Assert.Equal("wang", AssignmentRules.LeastLoaded(team)!.Member.Login);
    }

    [Fact]
    public void ATieInLoadGoesToTheFirstInLoginOrderWhateverOrderTheMembersCameIn()
    {
        TeamMemberLoad[] team = [Member(9, "zhang", open: 2), Member(5, "wang", open: 2), Member(7, "li", open: 5)];

        var choice = AssignmentRules.LeastLoaded(team)!;
        var reversed = AssignmentRules.LeastLoaded(team.Reverse())!;

        Assert.Equal("wang", choice.Member.Login);
        Assert.Equal("wang", reversed.Member.Login);
        Assert.Contains("tie among 2 broken by login order", choice.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NobodyIsChosenWhenNoMemberIsAvailable()
    {
        TeamMemberLoad[] team = [Member(1, "li", available: false), Member(2, "wang", available: false)];

        Assert.Null(AssignmentRules.RoundRobin(team, 1));
        Assert.Null(AssignmentRules.LeastLoaded(team));
        Assert.Null(AssignmentRules.LeastLoaded([]));
    }
}
