using SupportFlow.Common;
using SupportFlow.Sla;

namespace SupportFlow.Server.Sla;

/// <summary>One SLA target of a ticket on the wire.</summary>
public sealed record SlaTargetResponse(
    string Target,
    DateTimeOffset? DueAt,
    DateTimeOffset? WarnAt,
    DateTimeOffset? MetAt,
    bool Breached,
    bool AtRisk,
    bool Paused,
    int PausedMinutes)
{
    public static SlaTargetResponse? From(SlaTargetState state, OrganizationTime org) => state.Applies
        ? new(state.Target.ToString(), org.Local(state.DueAt), org.Local(state.WarnAt), org.Local(state.MetAt), state.Breached,
            state.AtRisk, state.IsPaused, state.PausedMinutes)
        : null;
}

/// <summary>A ticket's <c>sla</c> object: one entry per target (null when the policy has none).</summary>
public sealed record SlaResponse(
    SlaTargetResponse? FirstResponse,
    SlaTargetResponse? Assignment,
    SlaTargetResponse? Update,
    SlaTargetResponse? Resolution,
    DateTimeOffset? NextDueAt,
    bool Breached,
    bool AtRisk)
{
    public static SlaResponse From(SlaStatus status, OrganizationTime org) => new(
        SlaTargetResponse.From(status.FirstResponse, org),
        SlaTargetResponse.From(status.Assignment, org),
        SlaTargetResponse.From(status.Update, org),
        SlaTargetResponse.From(status.Resolution, org),
        org.Local(status.NextDueAt),
        status.AnyBreached,
        status.AnyAtRisk);
}
