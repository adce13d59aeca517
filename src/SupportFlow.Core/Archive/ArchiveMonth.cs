using System.Globalization;

namespace SupportFlow.Archive;

/// <summary>
/// A calendar month in the organisation's time zone (<c>YYYY-MM</c>): the unit of the monthly
/// archive and of retention. A ticket belongs to the month it was received in, in that zone,
/// like its number.
/// </summary>
public readonly record struct ArchiveMonth(int Year, int Month) : IComparable<ArchiveMonth>
{
    public static bool TryParse(string? text, out ArchiveMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 2000 || number is < 1 or > 12)
        {
            return false;
        }

        month = new ArchiveMonth(year, number);
        return true;
    }

    /// <summary>The month that <paramref name="instant"/> falls in, in <paramref name="zone"/>.</summary>
    public static ArchiveMonth Of(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new ArchiveMonth(local.Year, local.Month);
    }

    /// <summary>The first instant of the month in <paramref name="zone"/>, in UTC.</summary>
    public DateTimeOffset Start(TimeZoneInfo zone) => AtLocal(new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);

    /// <summary>The first instant of the next month: tickets of this month were received in [Start, End).</summary>
    public DateTimeOffset End(TimeZoneInfo zone) => Next.Start(zone);

    public ArchiveMonth Next => AddMonths(1);

    public ArchiveMonth Previous => AddMonths(-1);

    public ArchiveMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new ArchiveMonth(index / 12, (index % 12) + 1);
    }

    public int CompareTo(ArchiveMonth other) => ((Year * 12) + Month).CompareTo((other.Year * 12) + other.Month);

    public static bool operator <(ArchiveMonth left, ArchiveMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(ArchiveMonth left, ArchiveMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(ArchiveMonth left, ArchiveMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ArchiveMonth left, ArchiveMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>
    /// A local wall-clock time as an instant. Midnight or 01:00 may not exist on a spring-forward
    /// day (or exist twice in autumn): the first valid instant at or after it is taken.
    /// </summary>
    internal static DateTimeOffset AtLocal(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
