using SupportFlow.Common;
using SupportFlow.Notifications;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Tests.Tickets;

/// <summary>Cross-department tickets: departments that may log work, vendors that are told, all in the history.</summary>
public sealed class CollaborationTests
{
    private readonly Desk _desk = new();
    private readonly Department _networkDept = new Department("Network").WithId(40);
    private readonly Department _facilities = new Department("Facilities").WithId(41);

    private Actor NickOf(Department department) => _desk.Nick.ToActor() with { DepartmentId = department.Id };

    [Fact]
    public void AnEngineerOfACollaboratingDepartmentLogsWorkButDoesNotResolve()
    {
        var ticket = _desk.In(TicketStatus.InProgress).AsStored();
        Assert.False(TicketPermissions.May(NickOf(_networkDept), ticket, TicketAction.Worklog));

        ticket.AddCollaborator(_desk.Supervisor, _desk.Next(), _networkDept, "Firewall");

        Assert.True(TicketPermissions.May(NickOf(_networkDept), ticket, TicketAction.Worklog));
        Assert.True(TicketPermissions.May(NickOf(_networkDept), ticket, TicketAction.Attach));
        Assert.False(TicketPermissions.May(NickOf(_networkDept), ticket, TicketAction.Resolve));
        Assert.False(TicketPermissions.May(NickOf(_networkDept), ticket, TicketAction.Update));
        Assert.False(TicketPermissions.May(NickOf(_facilities), ticket, TicketAction.Worklog));
    }

    [Fact]
    public void AReporterOfACollaboratingDepartmentStillCannotSeeTheTicket()
    {
        var ticket = _desk.Receive(_desk.Bob);
        ticket.AddCollaborator(_desk.Supervisor, _desk.Next(), _networkDept, null);
        var colleague = _desk.Reporter with { DepartmentId = _networkDept.Id };

        Assert.Throws<NotFoundException>(() => TicketPermissions.Ensure(colleague, ticket, TicketAction.Worklog));
    }

    [Fact]
    public void MakingACollaboratorResponsibleMovesItAndReplacesThePreviousOne()
    {
        var ticket = _desk.Receive();
        ticket.AddCollaborator(_desk.Supervisor, _desk.Next(), _networkDept, null);
        ticket.MakeResponsible(_desk.Supervisor, _desk.Next(), _networkDept, "Network fault");
        ticket.MakeResponsible(_desk.Supervisor, _desk.Next(), _facilities, null);

        Assert.Equal("Facilities", ticket.ResponsibleDepartment?.Name);
        Assert.Empty(ticket.CollaboratingDepartments);
        Assert.Equal(
            [("collaboratingDepartment", null, "Network"), ("collaboratingDepartment", "Network", null),
                ("responsibleDepartment", null, "Network"), ("responsibleDepartment", "Network", "Facilities")],
            ticket.History.Where(h => h.Action == "department").Select(h => (h.Field, h.OldValue, h.NewValue)));
        Assert.Throws<DomainException>(() => ticket.MakeResponsible(_desk.Supervisor, _desk.Next(), _facilities, null));
        Assert.Throws<DomainException>(() => ticket.AddCollaborator(_desk.Supervisor, _desk.Next(), _facilities, null));
    }

    [Fact]
    public void InvolvingAVendorTellsThatVendorOnlyAndRemovingThemTellsNobody()
    {
        var ticket = _desk.In(TicketStatus.InProgress);
        var vendor = new VendorContact("Zhang San", "ACME", "zhang@acme.example");

        var before = ticket.History.Count;
        ticket.InvolveVendor(_desk.Owner, _desk.Next(), vendor, "Licence server down?");
        var notice = Assert.Single(NoticeRules.From(ticket, ticket.History.Skip(before)));

        Assert.Equal((NotificationEvent.VendorInvolved, Audience.Vendor, "Licence server down?", vendor),
            (notice.Event, notice.Audience, notice.Detail, notice.Vendor));
        Assert.Throws<DomainException>(() => ticket.InvolveVendor(_desk.Owner, _desk.Next(), vendor with { Email = "ZHANG@acme.example" }, null));
        before = ticket.History.Count;
        ticket.RemoveVendor(_desk.Owner, _desk.Next(), 0);
        Assert.Empty(NoticeRules.From(ticket, ticket.History.Skip(before)));
    }

    [Fact]
    public void AClosedTicketTakesNoDepartmentsNorVendors()
    {
        var ticket = _desk.In(TicketStatus.Closed);
        var lines = ticket.History.Count;

        Assert.Throws<DomainException>(() => ticket.AddCollaborator(_desk.Supervisor, _desk.Next(), _networkDept, null));
        Assert.Throws<DomainException>(() => ticket.InvolveVendor(_desk.Owner, _desk.Next(), new("A", "B", "a@b.example"), null));
        Assert.Equal(lines, ticket.History.Count);
    }

    [Fact]
    public void AReplyFromTheAddressOfAReporterWithoutAccountTellsTheOwner()
    {
        var caller = new ReporterInfo(null, "Carol", null, null, "carol@customer.example");
        var ticket = Ticket.Receive(Desk.Number, _desk.Intake() with { Reporter = caller }, _desk.Module, _desk.Owner, _desk.Clock.GetUtcNow());
        _desk.AssignToEve(ticket);
        var carol = new Actor(null, "Carol@Customer.example", "Carol", Role.Reporter, new HashSet<int>());
        var stranger = new Actor(null, "dave@customer.example", "Dave", Role.Reporter, new HashSet<int>());

        var before = ticket.History.Count;
        ticket.Comment(carol, _desk.Next(), "Log attached", fromReporter: true);
        var fromCarol = NoticeRules.From(ticket, ticket.History.Skip(before));
        before = ticket.History.Count;
        ticket.Comment(stranger, _desk.Next(), "Me too");
        var fromStranger = NoticeRules.From(ticket, ticket.History.Skip(before));

        Assert.Equal((NotificationEvent.ReporterReplied, Audience.Assignee), (Assert.Single(fromCarol).Event, fromCarol[0].Audience));
        Assert.Empty(fromStranger);
    }
}
