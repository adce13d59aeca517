namespace SupportFlow.Archive;

/// <summary>
/// A month's archive run, one row per month (the month is the key). The scheduled job claims the
/// row for a while before writing, so with several nodes only one archives a month; a node that
/// dies mid-run lets its claim lapse and another takes over.
/// </summary>
public sealed class ArchiveRun
{
    private ArchiveRun()
    {
    }

    public ArchiveRun(string month, DateTimeOffset createdAt)
    {
        Month = month;
        ClaimedUntil = createdAt;
    }

    /// <summary>YYYY-MM.</summary>
    public string Month { get; private set; } = "";

    /// <summary>Which process holds the claim (host name and process id, or "cli").</summary>
    public string? ClaimedBy { get; private set; }

    public DateTimeOffset ClaimedUntil { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Set when the month's folder was written completely; null while running or after a failed run.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    public int Tickets { get; private set; }

    /// <summary>SHA-256 of the manifest written, so a later verify can also tell it is the same archive.</summary>
    public string? ManifestSha256 { get; private set; }

    public void Finish(DateTimeOffset at, DateTimeOffset startedAt, string by, int tickets, string manifestSha256)
    {
        ClaimedBy = by;
        StartedAt = startedAt;
        FinishedAt = at;
        Tickets = tickets;
        ManifestSha256 = manifestSha256;
    }
}
