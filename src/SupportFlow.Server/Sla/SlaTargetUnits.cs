using SupportFlow.Sla;

namespace SupportFlow.Server.Sla;

/// <summary>
/// A unit a target is given in: its wire name (a property of <see cref="SlaTargetBody"/>), its
/// label on the admin page, the kind of time it counts and how many of the kind's own units
/// (minutes, or days for business days) one of it is.
/// </summary>
public sealed record SlaTargetUnit(string Name, string Label, SlaTargetKind Kind, int Factor,
    Func<SlaTargetBody, int?> Read, Func<int, SlaTargetBody> Body)
{
    public SlaTarget Make(int amount) => SlaTarget.Create(Kind, checked(amount * Factor));
}

/// <summary>The one list of target units: the API parses and writes them, the admin page offers them.</summary>
public static class SlaTargetUnits
{
    public static IReadOnlyList<SlaTargetUnit> All { get; } =
    [
        new("minutes", "minutes", SlaTargetKind.WallClock, 1, b => b.Minutes, n => new(n, null, null, null, null)),
        new("hours", "hours", SlaTargetKind.WallClock, 60, b => b.Hours, n => new(null, n, null, null, null)),
        new("businessMinutes", "business minutes", SlaTargetKind.BusinessTime, 1, b => b.BusinessMinutes,
            n => new(null, null, n, null, null)),
        new("businessHours", "business hours", SlaTargetKind.BusinessTime, 60, b => b.BusinessHours,
            n => new(null, null, null, n, null)),
        new("businessDays", "business days", SlaTargetKind.BusinessDays, 1, b => b.BusinessDays, n => new(null, null, null, null, n)),
    ];

    public static string Names { get; } = string.Join(", ", All.Select(u => u.Name));

    public static SlaTargetUnit? Find(string? name) => All.FirstOrDefault(u => u.Name == name);

    /// <summary>The largest unit that states <paramref name="target"/> exactly (90 minutes stay minutes, 120 become 2 hours).</summary>
    public static (SlaTargetUnit Unit, int Amount)? Of(SlaTarget target) =>
        All.Where(u => u.Kind == target.Kind && target.Amount % u.Factor == 0).MaxBy(u => u.Factor) is { } unit
            ? (unit, target.Amount / unit.Factor)
            : null;

    /// <summary>The unit and amount a body gives (the first, if it wrongly gives several).</summary>
    public static (SlaTargetUnit Unit, int Amount)? Of(SlaTargetBody body) =>
        All.FirstOrDefault(u => u.Read(body) is not null) is { } unit ? (unit, unit.Read(body)!.Value) : null;
}
