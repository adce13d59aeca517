namespace SupportFlow.Tickets;

/// <summary>P1 urgent (business interrupted) to P4 low (can wait).</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
