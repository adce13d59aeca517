using SupportFlow.Tickets;

namespace SupportFlow.Reports;

/// <summary>
/// SPEC: "Simple problems get a direct solution (target 30 minutes); complex ones get a temporary
/// workaround and a permanent solution". A ticket counts as <b>simple</b> when it is P3 or P4 (a
/// slight impact or one that can wait), has been resolved, and was resolved without a temporary
/// workaround. It met the target when it was resolved within 30 minutes (wall clock) of its first
/// assignment. Unresolved tickets are left out: whether they are simple is not known yet.
/// </summary>
public static class SimpleTickets
{
    public static readonly TimeSpan Target = TimeSpan.FromMinutes(30);

    public static bool IsSimple(Priority priority, DateTimeOffset? resolvedAt, string? workaround) =>
        priority is Priority.P3 or Priority.P4 && resolvedAt is not null && string.IsNullOrWhiteSpace(workaround);

    /// <summary>Resolved within <see cref="Target"/> of the first assignment (a ticket resolved before any assignment has no such time: not met).</summary>
    public static bool MetTarget(DateTimeOffset? firstAssignedAt, DateTimeOffset? resolvedAt) =>
        firstAssignedAt is { } assigned && resolvedAt is { } resolved && resolved - assigned <= Target;
}
