namespace SupportFlow.Sla;

/// <summary>
/// The facts of a ticket that its SLA clocks depend on. Resolution is a list so that a reopen can
/// be told: each resolve opens an interval and a reopen closes it; an open last interval means the
/// ticket is resolved now. Time spent resolved before a reopen does not count, so the resolution
/// clock resumes with what it had left (like a pause).
/// </summary>
public sealed record SlaTimeline
{
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>First public update or acknowledgement to the reporter.</summary>
    public DateTimeOffset? FirstPublicResponseAt { get; init; }

    public DateTimeOffset? FirstAssignedAt { get; init; }

    public DateTimeOffset? LastPublicUpdateAt { get; init; }

    /// <summary>Spans pending on the reporter (not on a vendor); an open one means pending now.</summary>
    public IReadOnlyList<ClockInterval> PendingOnReporter { get; init; } = [];

    /// <summary>Resolve-to-reopen spans in order; only the last may be open.</summary>
    public IReadOnlyList<ClockInterval> Resolutions { get; init; } = [];

    /// <summary>When the ticket was resolved, if it is resolved now (not reopened since).</summary>
    public DateTimeOffset? ResolvedAt => Resolutions.Count > 0 && Resolutions[^1].IsOpen ? Resolutions[^1].From : null;
}
