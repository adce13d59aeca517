using System.Globalization;

namespace SupportFlow.Tickets;

/// <summary>
/// Ticket numbers: <c>YYYYMMDD-NNN</c>, the day the report was received in the organisation's
/// time zone and that day's serial, zero-padded to three digits and growing past 999.
/// </summary>
public static class TicketNumber
{
    /// <summary>The organisation's calendar day of a moment: 00:30 in Shanghai is that day, whatever UTC says.</summary>
    public static DateOnly DayOf(DateTimeOffset receivedAt, TimeZoneInfo organisationZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, organisationZone).DateTime);

    public static string Format(DateOnly day, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{day:yyyyMMdd}-{serial:000}");
    }

    /// <summary>Accepts exactly the shape <see cref="Format"/> makes, so a path segment can be checked cheaply.</summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is null || text.Length < 12 || text[8] != '-' || (text.Length > 12 && text[9] == '0'))
        {
            return false;
        }

        return DateOnly.TryParseExact(text.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && int.TryParse(text.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            && serial >= 1;
    }

    /// <summary>The key of the day's serial counter.</summary>
    public static string CounterKey(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
