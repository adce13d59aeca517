using SupportFlow.Localization;
using SupportFlow.Notifications;
using SupportFlow.Tests.Tickets;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Notifications;

/// <summary>SPEC's "what is sent, to whom", as read from the history lines a change appends.</summary>
public sealed class NoticeRulesTests
{
    private readonly Desk _desk = new();

    private static (NotificationEvent, Audience)[] Of(IEnumerable<Notice> notices) =>
        [.. notices.Select(n => (n.Event, n.Audience)).Order()];

    private static IReadOnlyList<Notice> After(Ticket ticket, Action change)
    {
        var before = ticket.History.Count;
        change();
        return NoticeRules.From(ticket, ticket.History.Skip(before));
    }

    [Fact]
    public void ANewP3TicketTellsTheReporterAndTheTeamChat()
    {
        var ticket = _desk.Receive();

        Assert.Equal([(NotificationEvent.Received, Audience.Reporter), (NotificationEvent.NewTicket, Audience.TeamChat)],
            Of(NoticeRules.From(ticket, ticket.History)));
    }

    [Fact]
    public void ANewP1TicketIsAP1ForTheTeamChatAndUrgentForSupervisors()
    {
        var ticket = Ticket.Receive(Desk.Number, _desk.Intake(priority: Priority.P1), _desk.Module, _desk.Reporter, _desk.Clock.GetUtcNow());

        Assert.Equal(
            [(NotificationEvent.Received, Audience.Reporter), (NotificationEvent.NewUrgent, Audience.Supervisors),
                (NotificationEvent.P1Opened, Audience.TeamChat)],
            Of(NoticeRules.From(ticket, ticket.History)));
    }

    [Fact]
    public void AnAssignmentTellsTheReporterTheOwnerAndTheOwnerTheirTicket()
    {
        var ticket = _desk.Receive();

        var notices = After(ticket, () => _desk.AssignToEve(ticket));

        Assert.Equal([(NotificationEvent.Assigned, Audience.Reporter), (NotificationEvent.AssignedToYou, Audience.Assignee)], Of(notices));
        Assert.All(notices, n => Assert.Equal(_desk.Sam.Id, n.ActorId));
    }

    [Fact]
    public void AServiceDeskTicketAssignedIntoATeamIsNewsForThatTeamsChat()
    {
        var ticket = Ticket.Receive(Desk.Number, _desk.Intake(), _desk.Module, _desk.Reporter, _desk.Clock.GetUtcNow(),
            route: new TicketRoute(null, new LocalizedMessage("No team for this module yet")));
        Assert.DoesNotContain(NoticeRules.From(ticket, ticket.History), n => n.Audience == Audience.TeamChat);

        var notices = After(ticket, () => _desk.AssignToEve(ticket));

        Assert.Equal(
            [(NotificationEvent.Assigned, Audience.Reporter), (NotificationEvent.AssignedToYou, Audience.Assignee),
                (NotificationEvent.NewTicket, Audience.TeamChat)],
            Of(notices));
        Assert.True(notices.Single(n => n.Audience == Audience.TeamChat).NewToTeam);
    }

    [Fact]
    public void AReassignmentWithinTheTeamTellsItsChatNothingAndAMoveToAnotherTeamTellsThatTeam()
    {
        var ticket = _desk.Receive();
        _desk.AssignToEve(ticket);

        var withinTeam = After(ticket, () => ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Erin, _desk.Systems, "Eve is away"));
        var toNetwork = After(ticket, () => ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Nick, _desk.Network, "It is the VPN"));

        Assert.DoesNotContain(withinTeam, n => n.Audience == Audience.TeamChat);
        var chat = Assert.Single(toNetwork, n => n.Audience == Audience.TeamChat);
        Assert.Equal((NotificationEvent.NewTicket, "It is the VPN", true), (chat.Event, chat.Detail, chat.NewToTeam));
    }

    [Fact]
    public void AP1MovedIntoATeamIsAP1ForThatTeamsChat()
    {
        var ticket = Ticket.Receive(Desk.Number, _desk.Intake(priority: Priority.P1), _desk.Module, _desk.Reporter,
            _desk.Clock.GetUtcNow(), route: new TicketRoute(null, new LocalizedMessage("No team for this module yet")));

        var notices = After(ticket, () => ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Nick, _desk.Network, null));

        Assert.Contains((NotificationEvent.P1Opened, Audience.TeamChat), Of(notices));
    }

    [Fact]
    public void APublicUpdateReachesTheReporterWithItsText()
    {
        var ticket = _desk.In(TicketStatus.InProgress);

        var notice = Assert.Single(After(ticket, () => ticket.PostUpdate(_desk.Owner, _desk.Next(), "Driver found, installing")));

        Assert.Equal((NotificationEvent.PublicUpdate, Audience.Reporter, "Driver found, installing"), (notice.Event, notice.Audience, notice.Detail));
    }

    [Fact]
    public void PendingOnTheReporterAsksThemButPendingOnAVendorDoesNot()
    {
        var onReporter = _desk.In(TicketStatus.InProgress);
        var onVendor = _desk.In(TicketStatus.InProgress);

        var asked = After(onReporter, () => onReporter.Pend(_desk.Owner, _desk.Next(), PendingReason.Reporter, "Which printer?"));
        var vendor = After(onVendor, () => onVendor.Pend(_desk.Owner, _desk.Next(), PendingReason.Vendor, "Patch"));

        Assert.Equal([(NotificationEvent.PendingOnYou, Audience.Reporter)], Of(asked));
        Assert.Empty(vendor);
    }

    [Fact]
    public void ResolvingAsksTheReporterToConfirmAndClosingTellsThem()
    {
        var ticket = _desk.In(TicketStatus.InProgress);

        var resolved = After(ticket, () => _desk.Resolve(ticket));
        After(ticket, () => ticket.Confirm(_desk.Reporter, _desk.Next(), true, "ok", 5));
        var closed = After(ticket, () => ticket.Close(_desk.Owner, _desk.Next(), "cause", "solution"));

        Assert.Equal([(NotificationEvent.Resolved, Audience.Reporter)], Of(resolved));
        Assert.Equal([(NotificationEvent.Closed, Audience.Reporter)], Of(closed));
    }

    [Fact]
    public void TheReporterRejectingTheResolutionTellsTheOwnerAndSupervisors()
    {
        var ticket = _desk.In(TicketStatus.Resolved);

        var notices = After(ticket, () => ticket.Confirm(_desk.Reporter, _desk.Next(), false, "Still broken", null));

        Assert.Equal(
            [(NotificationEvent.ConfirmationRejected, Audience.Assignee), (NotificationEvent.ConfirmationRejected, Audience.Supervisors)],
            Of(notices));
    }

    [Fact]
    public void AReporterCommentTellsTheOwnerButAnEngineersCommentDoesNot()
    {
        var ticket = _desk.In(TicketStatus.InProgress);

        var byReporter = After(ticket, () => ticket.Comment(_desk.Reporter, _desk.Next(), "It happens on floor 3 too"));
        var byEngineer = After(ticket, () => ticket.Comment(_desk.Owner, _desk.Next(), "noted"));

        Assert.Equal([(NotificationEvent.ReporterReplied, Audience.Assignee)], Of(byReporter));
        Assert.Empty(byEngineer);
    }

    [Fact]
    public void RegradingToP1TellsTheTeamChatAndSupervisors()
    {
        var ticket = _desk.Receive();

        var notices = After(ticket, () => ticket.Triage(_desk.Supervisor, _desk.Next(), Priority.P1, "Whole office down"));

        Assert.Equal([(NotificationEvent.NewUrgent, Audience.Supervisors), (NotificationEvent.P1Opened, Audience.TeamChat)], Of(notices));
    }

    [Fact]
    public void WorkNotesNotifyNobody()
    {
        var ticket = _desk.In(TicketStatus.InProgress);

        Assert.Empty(After(ticket, () => ticket.LogWork(_desk.Owner, _desk.Next(), "Checked the spooler", WorkMethod.Remote)));
    }
}
