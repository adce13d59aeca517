namespace SupportFlow.Common;

/// <summary>The organisation's time zone: times are stored in UTC and shown in this zone.</summary>
public sealed record OrganizationTime(TimeZoneInfo Zone)
{
    public DateTimeOffset Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    public DateTimeOffset? Local(DateTimeOffset? time) => time is { } t ? Local(t) : null;
}
