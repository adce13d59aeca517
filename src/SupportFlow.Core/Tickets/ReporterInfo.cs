namespace SupportFlow.Tickets;

/// <summary>
/// Who reported the problem, as recorded at intake. <see cref="UserId"/> links a reporter
/// account (who may then follow the ticket); a phone caller without an account has none.
/// </summary>
public sealed record ReporterInfo(int? UserId, string Name, string? Department, string? Phone, string? Email);
