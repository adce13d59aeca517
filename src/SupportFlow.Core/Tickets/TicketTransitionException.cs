using SupportFlow.Localization;
using SupportFlow.Common;

namespace SupportFlow.Tickets;

/// <summary>An action the ticket's current status does not accept; the message names that status.</summary>
public sealed class TicketTransitionException(string number, TicketAction action, TicketStatus status)
    : DomainException("Ticket {0} is {1}: '{2}' is not allowed in that status.", number, LocalizedMessage.Wire(status), LocalizedMessage.Wire(action))
{
    public TicketAction Action { get; } = action;

    public TicketStatus Status { get; } = status;
}
