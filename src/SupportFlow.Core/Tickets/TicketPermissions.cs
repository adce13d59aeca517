using SupportFlow.Common;
using SupportFlow.Users;

namespace SupportFlow.Tickets;

/// <summary>
/// Who may see and do what on a ticket. A reporter only ever learns of their own tickets
/// (another's is "not found"); engineers work the tickets of their teams and their own;
/// supervisors (and admins) may do everything.
/// </summary>
public static class TicketPermissions
{
    public static bool CanSee(Actor actor, Ticket ticket) => actor.IsStaff || ticket.IsReporter(actor);

    /// <summary>Throws <see cref="NotFoundException"/> for an invisible ticket and <see cref="ForbiddenException"/> for a refused action.</summary>
    public static void Ensure(Actor actor, Ticket ticket, TicketAction action)
    {
        if (!CanSee(actor, ticket))
        {
            throw new NotFoundException($"Ticket {ticket.Number} was not found.");
        }

        if (!May(actor, ticket, action))
        {
            throw new ForbiddenException(
                $"A {WireNames.Of(actor.Role)} may not '{WireNames.Of(action)}' ticket {ticket.Number}{WhyNot(actor, action)}.");
        }
    }

    public static bool May(Actor actor, Ticket ticket, TicketAction action) => action switch
    {
        TicketAction.Triage or TicketAction.Assign => actor.IsSupervisor,
        TicketAction.Start or TicketAction.Worklog or TicketAction.Update or TicketAction.Pend
            or TicketAction.Resume or TicketAction.Resolve or TicketAction.Close => Works(actor, ticket),
        TicketAction.Comment or TicketAction.Attach => ticket.IsReporter(actor) || Works(actor, ticket),
        TicketAction.Confirm => ticket.IsReporter(actor) || actor.IsSupervisor,
        TicketAction.Reopen => ticket.IsReporter(actor) || Works(actor, ticket),
        TicketAction.Cancel => ticket.IsReporter(actor) || actor.IsSupervisor,
    };

    /// <summary>The assignee, a member of the responsible team, or a supervisor.</summary>
    public static bool Works(Actor actor, Ticket ticket) =>
        actor.IsSupervisor
        || (actor.IsStaff && ((actor.UserId is not null && ticket.AssigneeId == actor.UserId)
                              || (ticket.TeamId is int team && actor.TeamIds.Contains(team))));

    private static string WhyNot(Actor actor, TicketAction action) => action switch
    {
        TicketAction.Triage or TicketAction.Assign or TicketAction.Cancel => ": that is a supervisor's decision",
        _ when actor.IsStaff => ": it belongs to another team and is not assigned to you",
        _ => "",
    };
}
