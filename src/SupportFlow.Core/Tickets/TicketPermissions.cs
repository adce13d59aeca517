using SupportFlow.Common;
using SupportFlow.Localization;
using SupportFlow.Users;

namespace SupportFlow.Tickets;

/// <summary>
/// Who may see and do what on a ticket. A reporter only ever learns of their own tickets
/// (another's is "not found"); engineers work the tickets of their teams and their own, and log
/// work on those their department collaborates on; supervisors (and admins) may do everything.
/// </summary>
public static class TicketPermissions
{
    public static bool CanSee(Actor actor, Ticket ticket) => actor.IsStaff || ticket.IsReporter(actor);

    /// <summary>Throws <see cref="NotFoundException"/> for an invisible ticket and <see cref="ForbiddenException"/> for a refused action.</summary>
    public static void Ensure(Actor actor, Ticket ticket, TicketAction action) =>
        EnsureAllowed(actor, ticket, May(actor, ticket, action), new("'{0}'", LocalizedMessage.Wire(action)), WhyNot(actor, action));

    public static bool May(Actor actor, Ticket ticket, TicketAction action) => action switch
    {
        TicketAction.Triage or TicketAction.Assign => actor.IsSupervisor,
        TicketAction.Start or TicketAction.Update or TicketAction.Pend
            or TicketAction.Resume or TicketAction.Resolve or TicketAction.Close => Works(actor, ticket),
        TicketAction.Worklog => Works(actor, ticket) || Collaborates(actor, ticket),
        TicketAction.Comment => ticket.IsReporter(actor) || Works(actor, ticket),
        TicketAction.Attach => ticket.IsReporter(actor) || Works(actor, ticket) || Collaborates(actor, ticket),
        TicketAction.Confirm => ticket.IsReporter(actor) || actor.IsSupervisor,
        TicketAction.Reopen => ticket.IsReporter(actor) || Works(actor, ticket),
        TicketAction.Cancel => ticket.IsReporter(actor) || actor.IsSupervisor,
    };

    /// <summary>The assignee, a member of the responsible team, or a supervisor.</summary>
    public static bool Works(Actor actor, Ticket ticket) =>
        actor.IsSupervisor
        || (actor.IsStaff && ((actor.UserId is not null && ticket.AssigneeId == actor.UserId)
                              || (ticket.TeamId is int team && actor.TeamIds.Contains(team))));

    /// <summary>
    /// Staff of the ticket's responsible or a collaborating department: they log work (and attach
    /// logs) beside the responsible team; updating the reporter and resolving stay with the team.
    /// </summary>
    public static bool Collaborates(Actor actor, Ticket ticket) => actor.IsStaff && ticket.Involves(actor.DepartmentId);

    /// <summary>Which departments work a ticket is a supervisor's coordination (SPEC step 2).</summary>
    public static void EnsureCoordinates(Actor actor, Ticket ticket) =>
        EnsureAllowed(actor, ticket, actor.IsSupervisor, LocalizedMessage.Word("change the departments of"), SupervisorsDecision);

    /// <summary>Whoever works the ticket may involve a vendor's contact.</summary>
    public static void EnsureInvolvesVendors(Actor actor, Ticket ticket) =>
        EnsureAllowed(actor, ticket, Works(actor, ticket), LocalizedMessage.Word("involve vendors in"), WhyNot(actor, TicketAction.Update));

    private static void EnsureAllowed(Actor actor, Ticket ticket, bool allowed, LocalizedMessage what, string refusal)
    {
        if (!CanSee(actor, ticket))
        {
            throw new NotFoundException("Ticket {0} was not found.", ticket.Number);
        }

        if (!allowed)
        {
            throw new ForbiddenException(refusal, LocalizedMessage.Wire(actor.Role), what, ticket.Number);
        }
    }

    private const string SupervisorsDecision = "A {0} may not {1} ticket {2}: that is a supervisor's decision.";

    /// <summary>The refusal's sentence (role, what, ticket number), saying why when the reason is not obvious.</summary>
    private static string WhyNot(Actor actor, TicketAction action) => action switch
    {
        TicketAction.Triage or TicketAction.Assign or TicketAction.Cancel => SupervisorsDecision,
        _ when actor.IsStaff => "A {0} may not {1} ticket {2}: it belongs to another team and is not assigned to you.",
        _ => "A {0} may not {1} ticket {2}.",
    };
}
