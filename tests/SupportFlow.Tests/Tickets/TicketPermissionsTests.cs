using SupportFlow.Common;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Tests.Tickets;

/// <summary>Who may see and touch a ticket: reporters their own, engineers their team's and their own, supervisors all.</summary>
public sealed class TicketPermissionsTests
{
    private readonly Desk _desk = new();

    public static TheoryData<TicketAction> AllActions() => [.. Enum.GetValues<TicketAction>()];

    public static TheoryData<TicketAction> EngineerWork() =>
    [
        TicketAction.Start, TicketAction.Worklog, TicketAction.Update, TicketAction.Pend, TicketAction.Resume,
        TicketAction.Resolve, TicketAction.Close, TicketAction.Comment, TicketAction.Attach, TicketAction.Reopen,
    ];

    public static TheoryData<TicketAction> ReporterMay() =>
        [TicketAction.Comment, TicketAction.Attach, TicketAction.Confirm, TicketAction.Reopen, TicketAction.Cancel];

    public static TheoryData<TicketAction> ReporterMayNot() =>
    [
        TicketAction.Triage, TicketAction.Assign, TicketAction.Start, TicketAction.Worklog, TicketAction.Update,
        TicketAction.Pend, TicketAction.Resume, TicketAction.Resolve, TicketAction.Close,
    ];

    [Fact]
    public void ReporterSeesTheirOwnTicket()
    {
        var ticket = _desk.Receive();

        Assert.True(TicketPermissions.CanSee(_desk.Reporter, ticket));
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void ReporterCannotSeeAnotherReportersTicket(TicketAction action)
    {
        var ticket = _desk.Receive(_desk.Bob);

        Assert.False(TicketPermissions.CanSee(_desk.Reporter, ticket));
        var ex = Assert.Throws<NotFoundException>(() => TicketPermissions.Ensure(_desk.Reporter, ticket, action));
        Assert.Contains(ticket.Number, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReporterAccountCannotSeeAPhoneReportWithoutAccount()
    {
        var caller = new ReporterInfo(null, "Carl Caller", "Finance", null, null);
        var ticket = Ticket.Receive(Desk.Number, _desk.Intake() with { Reporter = caller }, _desk.Module, _desk.Owner,
            _desk.Clock.GetUtcNow());
        var noAccount = new Actor(null, "anonymous", "Nobody", Role.Reporter, new HashSet<int>());

        Assert.False(TicketPermissions.CanSee(_desk.Reporter, ticket));
        Assert.False(TicketPermissions.CanSee(noAccount, ticket));
    }

    [Theory]
    [MemberData(nameof(ReporterMay))]
    public void ReporterMayFollowUpOnTheirOwnTicket(TicketAction action)
    {
        var ticket = _desk.Receive();

        TicketPermissions.Ensure(_desk.Reporter, ticket, action);

        Assert.True(TicketPermissions.May(_desk.Reporter, ticket, action));
    }

    [Theory]
    [MemberData(nameof(ReporterMayNot))]
    public void ReporterCannotWorkTheirOwnTicket(TicketAction action)
    {
        var ticket = _desk.Receive();

        Assert.Throws<ForbiddenException>(() => TicketPermissions.Ensure(_desk.Reporter, ticket, action));
    }

    [Theory]
    [MemberData(nameof(EngineerWork))]
    public void EngineerWorksTicketsOfTheirTeam(TicketAction action)
    {
        var ticket = _desk.Receive().AsStored();

        TicketPermissions.Ensure(_desk.Erin.ToActor(), ticket, action);

        Assert.True(TicketPermissions.Works(_desk.Erin.ToActor(), ticket));
    }

    [Fact]
    public void EngineerWorksANewTicketOfTheirTeamBeforeItIsStored()
    {
        var ticket = _desk.Receive();

        Assert.True(TicketPermissions.Works(_desk.Erin.ToActor(), ticket));
    }

    [Theory]
    [MemberData(nameof(EngineerWork))]
    public void EngineerCannotWorkAnotherTeamsTicket(TicketAction action)
    {
        var ticket = _desk.Receive().AsStored();

        var ex = Assert.Throws<ForbiddenException>(() => TicketPermissions.Ensure(_desk.Nick.ToActor(), ticket, action));
        Assert.Contains("another team", ex.Message, StringComparison.Ordinal);
        Assert.True(TicketPermissions.CanSee(_desk.Nick.ToActor(), ticket));
    }

    [Theory]
    [MemberData(nameof(EngineerWork))]
    public void EngineerWorksATicketAssignedToThemFromAnotherTeam(TicketAction action)
    {
        var ticket = _desk.Receive();
        ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Nick, _desk.Systems, "Network expertise needed");
        ticket.AsStored();

        TicketPermissions.Ensure(_desk.Nick.ToActor(), ticket, action);
    }

    [Fact]
    public void EngineerLosesAnotherTeamsTicketWhenItIsReassignedAway()
    {
        var ticket = _desk.Receive();
        ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Nick, _desk.Systems, null);
        ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Eve, _desk.Systems, null);
        ticket.AsStored();

        Assert.Throws<ForbiddenException>(() =>
            TicketPermissions.Ensure(_desk.Nick.ToActor(), ticket, TicketAction.Worklog));
    }

    [Theory]
    [InlineData(TicketAction.Triage)]
    [InlineData(TicketAction.Assign)]
    [InlineData(TicketAction.Confirm)]
    [InlineData(TicketAction.Cancel)]
    public void EngineerOfTheTeamCannotTakeASupervisorsOrReportersDecision(TicketAction action)
    {
        var ticket = _desk.Receive().AsStored();
        _desk.AssignToEve(ticket);

        Assert.Throws<ForbiddenException>(() => TicketPermissions.Ensure(_desk.Owner, ticket, action));
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void SupervisorMayDoEverythingOnAnyTicket(TicketAction action)
    {
        var ticket = _desk.Receive(_desk.Bob).AsStored();

        TicketPermissions.Ensure(_desk.Supervisor, ticket, action);

        Assert.True(TicketPermissions.May(_desk.Supervisor, ticket, action));
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void AdminMayDoEverythingASupervisorMay(TicketAction action)
    {
        var admin = new Actor(42, "root", "Admin", Role.Admin, new HashSet<int>());
        var ticket = _desk.Receive().AsStored();

        Assert.True(TicketPermissions.May(admin, ticket, action));
    }

    [Fact]
    public void ConfirmingForTheReporterIsForbiddenToEngineersAndOtherReporters()
    {
        var ticket = _desk.Receive().AsStored();

        Assert.False(TicketPermissions.May(_desk.Erin.ToActor(), ticket, TicketAction.Confirm));
        Assert.False(TicketPermissions.May(_desk.Bob.ToActor(), ticket, TicketAction.Confirm));
        Assert.True(TicketPermissions.May(_desk.Reporter, ticket, TicketAction.Confirm));
    }
}
