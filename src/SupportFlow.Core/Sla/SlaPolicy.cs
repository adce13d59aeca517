using System.Collections.Frozen;
using SupportFlow.Tickets;

namespace SupportFlow.Sla;

/// <summary>The targets of one priority. Any target may be none; SPEC leaves only the update interval out (P3/P4).</summary>
public sealed record SlaPolicy(
    Priority Priority, SlaTarget FirstResponse, SlaTarget Assignment, SlaTarget Update, SlaTarget Resolution)
{
    /// <summary>SPEC "SLA defaults". First response is 24 h of real time for P2-P4 too.</summary>
    public static IReadOnlyDictionary<Priority, SlaPolicy> Defaults { get; } = new SlaPolicy[]
    {
        new(Priority.P1, SlaTarget.Minutes(15), SlaTarget.Minutes(10), SlaTarget.Hours(2), SlaTarget.Hours(4)),
        new(Priority.P2, SlaTarget.Hours(24), SlaTarget.Minutes(10), SlaTarget.Hours(4), SlaTarget.Hours(8)),
        new(Priority.P3, SlaTarget.Hours(24), SlaTarget.BusinessDays(1), SlaTarget.None, SlaTarget.BusinessDays(3)),
        new(Priority.P4, SlaTarget.Hours(24), SlaTarget.BusinessDays(1), SlaTarget.None, SlaTarget.BusinessDays(5)),
    }.ToFrozenDictionary(policy => policy.Priority);
}
