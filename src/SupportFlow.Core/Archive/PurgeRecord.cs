namespace SupportFlow.Archive;

/// <summary>The audit record of one purge: who removed what, when, on the strength of which archives.</summary>
public sealed class PurgeRecord
{
    private PurgeRecord()
    {
    }

    public PurgeRecord(DateTimeOffset at, string by, string before, string months, int tickets, int historyLines,
        int attachments, string? firstNumber, string? lastNumber)
    {
        At = at;
        By = by;
        Before = before;
        Months = months;
        Tickets = tickets;
        HistoryLines = historyLines;
        Attachments = attachments;
        FirstNumber = firstNumber;
        LastNumber = lastNumber;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The login that asked (or <c>cli</c> with the operating-system user).</summary>
    public string By { get; private set; } = "";

    /// <summary>The <c>--before</c> month (YYYY-MM).</summary>
    public string Before { get; private set; } = "";

    /// <summary>The months whose tickets were removed, comma-separated, each with a verified archive.</summary>
    public string Months { get; private set; } = "";

    public int Tickets { get; private set; }

    public int HistoryLines { get; private set; }

    public int Attachments { get; private set; }

    public string? FirstNumber { get; private set; }

    public string? LastNumber { get; private set; }
}
