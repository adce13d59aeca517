namespace SupportFlow.Sla;

/// <summary>A ticket's four SLA targets at one moment.</summary>
public sealed record SlaStatus(
    SlaTargetState FirstResponse, SlaTargetState Assignment, SlaTargetState Update, SlaTargetState Resolution)
{
    public IEnumerable<SlaTargetState> All => [FirstResponse, Assignment, Update, Resolution];

    public bool AnyBreached => All.Any(state => state.Breached);

    public bool AnyAtRisk => All.Any(state => state.AtRisk);

    /// <summary>The earliest deadline of a target not yet met: the queue's sort key.</summary>
    public DateTimeOffset? NextDueAt => All.Where(state => !state.IsMet && state.DueAt is not null).Min(state => state.DueAt);
}
