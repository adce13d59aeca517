using System.Globalization;

namespace SupportFlow.Sla;

/// <summary>
/// One span of a working day in local wall-clock time, start inclusive, end exclusive
/// (e.g. 09:00-12:00). An end of 00:00 means midnight at the end of the day (24:00).
/// </summary>
public readonly record struct WorkingHours
{
    public WorkingHours(TimeOnly start, TimeOnly end)
    {
        if (end != TimeOnly.MinValue && end <= start)
        {
            throw new ArgumentException($"Working hours must end after they start ({start:HH\\:mm}-{end:HH\\:mm}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }

    /// <summary>00:00 stands for 24:00, the midnight that ends the day.</summary>
    public TimeOnly End { get; }

    public bool EndsAtMidnight => End == TimeOnly.MinValue;

    /// <summary>Nominal length on a day without a clock change.</summary>
    public TimeSpan Length => EndOfDayOffset - Start.ToTimeSpan();

    /// <summary>The end as time since the day's midnight: 24 h for an end at midnight.</summary>
    internal TimeSpan EndOfDayOffset => EndsAtMidnight ? TimeSpan.FromDays(1) : End.ToTimeSpan();

    /// <summary>Parses <c>HH:mm-HH:mm</c>, with <c>24:00</c> allowed as the end.</summary>
    public static WorkingHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new FormatException($"'{text}' is not working hours like 09:00-18:00.");
        }

        var start = TimeOnly.ParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture);
        var end = parts[1] == "24:00" ? TimeOnly.MinValue : TimeOnly.ParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture);
        return new WorkingHours(start, end);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:HH\\:mm}-{(EndsAtMidnight ? "24:00" : End.ToString("HH\\:mm", CultureInfo.InvariantCulture))}");
}
