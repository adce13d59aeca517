namespace SupportFlow.Sla;

/// <summary>A span of instants, start inclusive, end exclusive: one working interval of a given date.</summary>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Duration => End - Start;
}
