namespace SupportFlow.Common;

/// <summary>The organisation's time zone: times are stored in UTC and shown in this zone.</summary>
public sealed record OrganizationTime(TimeZoneInfo Zone)
{
    public DateTimeOffset Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    public DateTimeOffset? Local(DateTimeOffset? time) => time is { } t ? Local(t) : null;

    /// <summary>The day <paramref name="instant"/> falls on in the zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => Sla.ZoneTime.LocalDateOf(Zone, instant);

    /// <summary>Midnight at the start of <paramref name="date"/> in the zone (its first instant on a clock-change day), in UTC.</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => Sla.ZoneTime.FirstInstantAt(Zone, date.ToDateTime(TimeOnly.MinValue));
}
