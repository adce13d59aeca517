namespace SupportFlow.Sla;

/// <summary>Maps local wall-clock times to instants without ever failing on a clock change.</summary>
internal static class ZoneTime
{
    public static DateOnly LocalDateOf(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The first instant at which the wall clock shows <paramref name="local"/>: the earlier of the
    /// two in a fall-back hour, and the end of the gap (the instant of the change) when a
    /// spring-forward skips it. So a working interval is the real time between its two ends.
    /// </summary>
    public static DateTimeOffset FirstInstantAt(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return EndOfGap(zone, local);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    private static DateTimeOffset EndOfGap(TimeZoneInfo zone, DateTime local)
    {
        // Offsets well clear of the change on either side; no zone changes twice within days.
        var before = zone.GetUtcOffset(local.AddDays(-2));
        var after = zone.GetUtcOffset(local.AddDays(2));

        // The change lies in (local - after, local - before]; find its first instant. Rare, so a
        // bisection is cheap enough and needs no knowledge of the zone's rules.
        var low = local.Ticks - after.Ticks;
        var high = local.Ticks - before.Ticks;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (zone.GetUtcOffset(new DateTimeOffset(middle, TimeSpan.Zero)) == before)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }
}
