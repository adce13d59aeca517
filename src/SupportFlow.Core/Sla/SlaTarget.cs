using System.Globalization;
using SupportFlow.Localization;

namespace SupportFlow.Sla;

/// <summary>
/// How long a target allows: wall-clock minutes (24x7), business minutes, or business days.
/// <c>default</c> is <see cref="None"/>. Kind and amount are all there is to store.
/// </summary>
public readonly record struct SlaTarget
{
    private SlaTarget(SlaTargetKind kind, int amount)
    {
        Kind = kind;
        Amount = amount;
    }

    public SlaTargetKind Kind { get; }

    /// <summary>Minutes for wall-clock and business time, days for business days, 0 for none.</summary>
    public int Amount { get; }

    public static SlaTarget None => default;

    public bool IsNone => Kind == SlaTargetKind.None;

    public bool UsesCalendar => Kind is SlaTargetKind.BusinessTime or SlaTargetKind.BusinessDays;

    public static SlaTarget Minutes(int minutes) => Create(SlaTargetKind.WallClock, minutes);

    public static SlaTarget Hours(int hours) => Create(SlaTargetKind.WallClock, checked(hours * 60));

    public static SlaTarget BusinessMinutes(int minutes) => Create(SlaTargetKind.BusinessTime, minutes);

    public static SlaTarget BusinessHours(int hours) => Create(SlaTargetKind.BusinessTime, checked(hours * 60));

    public static SlaTarget BusinessDays(int days) => Create(SlaTargetKind.BusinessDays, days);

    /// <summary>From stored values; <paramref name="amount"/> must be positive unless the kind is none.</summary>
    public static SlaTarget Create(SlaTargetKind kind, int amount)
    {
        if (kind == SlaTargetKind.None)
        {
            return None;
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown SLA target kind.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return new SlaTarget(kind, amount);
    }

    /// <summary>When the target falls due for a clock started at <paramref name="start"/> and never paused; null for none.</summary>
    public DateTimeOffset? DueFrom(DateTimeOffset start, BusinessCalendar calendar) => Kind switch
    {
        SlaTargetKind.None => null,
        SlaTargetKind.WallClock => (start + TimeSpan.FromMinutes(Amount)).ToUniversalTime(),
        SlaTargetKind.BusinessTime => calendar.AddBusinessTime(start, TimeSpan.FromMinutes(Amount)),
        SlaTargetKind.BusinessDays => calendar.AddBusinessDays(start, Amount),
    };

    /// <summary>
    /// The allowance in the target's own time (real or business) for a clock started at
    /// <paramref name="start"/>; business days become the business time they span from there.
    /// </summary>
    internal TimeSpan AllowanceFrom(DateTimeOffset start, BusinessCalendar calendar) => Kind switch
    {
        SlaTargetKind.None => TimeSpan.Zero,
        SlaTargetKind.WallClock or SlaTargetKind.BusinessTime => TimeSpan.FromMinutes(Amount),
        SlaTargetKind.BusinessDays => calendar.BusinessTimeBetween(start, calendar.AddBusinessDays(start, Amount)),
    };

    /// <summary>Time in [from, to) as this target counts it.</summary>
    internal TimeSpan Measure(DateTimeOffset from, DateTimeOffset to, BusinessCalendar calendar)
    {
        if (UsesCalendar)
        {
            return calendar.BusinessTimeBetween(from, to);
        }

        return to > from ? to - from : TimeSpan.Zero;
    }

    /// <summary>The instant at which <paramref name="amount"/> of this target's time has passed since <paramref name="from"/>.</summary>
    internal DateTimeOffset Advance(DateTimeOffset from, TimeSpan amount, BusinessCalendar calendar) =>
        UsesCalendar ? calendar.AddBusinessTime(from, amount) : (from + amount).ToUniversalTime();

    public override string ToString() => Kind switch
    {
        SlaTargetKind.None => "none",
        SlaTargetKind.WallClock => Amount % 60 == 0 ? Format($"{Amount / 60} h") : Format($"{Amount} min"),
        SlaTargetKind.BusinessTime => Amount % 60 == 0 ? Format($"{Amount / 60} business h") : Format($"{Amount} business min"),
        SlaTargetKind.BusinessDays => Format($"{Amount} business day{(Amount == 1 ? "" : "s")}"),
    };

    /// <summary>The target as people read it, in the reader's language: "2 hours", "2 小时", "1 个工作日".</summary>
    public LocalizedMessage Words() => Kind switch
    {
        SlaTargetKind.WallClock when Amount == 60 => new LocalizedMessage("1 hour"),
        SlaTargetKind.WallClock when Amount % 60 == 0 => new LocalizedMessage("{0} hours", Amount / 60),
        SlaTargetKind.WallClock => new LocalizedMessage("{0} minutes", Amount),
        SlaTargetKind.BusinessTime when Amount == 60 => new LocalizedMessage("1 business hour"),
        SlaTargetKind.BusinessTime when Amount % 60 == 0 => new LocalizedMessage("{0} business hours", Amount / 60),
        SlaTargetKind.BusinessTime => new LocalizedMessage("{0} business minutes", Amount),
        SlaTargetKind.BusinessDays when Amount == 1 => new LocalizedMessage("1 business day"),
        SlaTargetKind.BusinessDays => new LocalizedMessage("{0} business days", Amount),
        _ => new LocalizedMessage("no target"),
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
