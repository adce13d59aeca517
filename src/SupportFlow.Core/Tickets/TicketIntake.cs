namespace SupportFlow.Tickets;

/// <summary>Everything recorded when a problem is received (already validated).</summary>
public sealed record TicketIntake(
    string Title,
    string Description,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    string Impact,
    Priority Priority,
    Channel Channel,
    ReporterInfo Reporter);
