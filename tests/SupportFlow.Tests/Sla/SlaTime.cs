using SupportFlow.Sla;

namespace SupportFlow.Tests.Sla;

/// <summary>Fixed zones and dates for the SLA tests. 2025-03-03 is a Monday.</summary>
internal static class SlaTime
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>Default hours (Mon-Fri 09:00-18:00) in Shanghai.</summary>
    public static BusinessCalendar ShanghaiOffice => BusinessCalendar.Default(Shanghai);

    /// <summary>A local time in Shanghai (+08:00, no daylight saving).</summary>
    public static DateTimeOffset Sh(int month, int day, int hour, int minute = 0) =>
        new(2025, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static DateTimeOffset At(int month, int day, int hour, int minute, int offsetHours) =>
        new(2025, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

    public static DateOnly Day(int month, int day) => new(2025, month, day);

    public static WorkingHours Hours(string text) => WorkingHours.Parse(text);
}
