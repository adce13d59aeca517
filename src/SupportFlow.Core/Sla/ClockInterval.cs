namespace SupportFlow.Sla;

/// <summary>A span of a ticket's life, [From, To); To null means it is still going on.</summary>
public readonly record struct ClockInterval
{
    public ClockInterval(DateTimeOffset from, DateTimeOffset? to)
    {
        if (to < from)
        {
            throw new ArgumentException($"An interval cannot end ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        From = from;
        To = to;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset? To { get; }

    public bool IsOpen => To is null;

    public static ClockInterval Since(DateTimeOffset from) => new(from, null);

    public static ClockInterval Between(DateTimeOffset from, DateTimeOffset to) => new(from, to);
}
