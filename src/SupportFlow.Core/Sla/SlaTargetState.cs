namespace SupportFlow.Sla;

/// <summary>
/// Where one target stands at a moment. <see cref="DueAt"/> is null for no target, and while the
/// clock is paused with time still left (the deadline is unknown until it resumes).
/// <see cref="PausedTime"/> is the paused time that moved the deadline, in the target's own time
/// (business time for business targets).
/// </summary>
public sealed record SlaTargetState(
    SlaTarget Target,
    DateTimeOffset? DueAt,
    DateTimeOffset? WarnAt,
    DateTimeOffset? MetAt,
    bool Breached,
    bool AtRisk,
    bool IsPaused,
    TimeSpan PausedTime)
{
    public static SlaTargetState NotApplicable { get; } = new(SlaTarget.None, null, null, null, false, false, false, TimeSpan.Zero);

    public bool Applies => !Target.IsNone;

    public bool IsMet => MetAt is not null;

    /// <summary>Whole minutes, rounded down.</summary>
    public int PausedMinutes => (int)(PausedTime.Ticks / TimeSpan.TicksPerMinute);
}
