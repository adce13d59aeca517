namespace SupportFlow.Sla;

/// <summary>
/// A further escalation level an admin adds: when a target is still unmet this long after it
/// was breached, notify someone (e.g. "breached by 2 hours: notify the supervisors").
/// </summary>
public sealed record SlaEscalation(string Name, TimeSpan AfterBreach, EscalationTarget Notify);
