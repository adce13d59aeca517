using SupportFlow.Common;

namespace SupportFlow.Tickets;

/// <summary>An action the ticket's current status does not accept; the message names that status.</summary>
public sealed class TicketTransitionException(string number, TicketAction action, TicketStatus status)
    : DomainException($"Ticket {number} is {WireNames.Of(status)}: '{WireNames.Of(action)}' is not allowed in that status.")
{
    public TicketAction Action { get; } = action;

    public TicketStatus Status { get; } = status;
}
