namespace SupportFlow.Common;

/// <summary>The <c>SupportFlow</c> configuration section.</summary>
public sealed class SupportFlowOptions
{
    public const string Section = "SupportFlow";

    /// <summary>Database, attachments and archives live here. Relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    public DatabaseOptions Database { get; set; } = new();

    public OrganizationOptions Organization { get; set; } = new();

    public AttachmentOptions Attachments { get; set; } = new();

    public TicketOptions Tickets { get; set; } = new();

    public ArchiveOptions Archive { get; set; } = new();

    public string DataPath => Path.GetFullPath(DataDirectory);
}

public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";
}

public sealed class OrganizationOptions
{
    /// <summary>IANA time zone id; empty means the host's zone.</summary>
    public string? TimeZone { get; set; }

    public TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public sealed class AttachmentOptions
{
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

public sealed class TicketOptions
{
    /// <summary>A resolved ticket the reporter does not answer closes itself after this many business days.</summary>
    public int AutoCloseAfterBusinessDays { get; set; } = 3;
}

public sealed class ArchiveOptions
{
    /// <summary>Where <c>YYYY-MM/</c> folders go; empty means <c>archive</c> in the data folder.</summary>
    public string? Folder { get; set; }

    /// <summary>Months a closed ticket is kept before it may be purged; never below 12 (SPEC).</summary>
    public int RetentionMonths { get; set; } = 12;

    /// <summary>Whether this node runs the monthly archive job (on the first of the month, 01:00).</summary>
    public bool Schedule { get; set; } = true;

    public string ResolveFolder(string dataPath) =>
        string.IsNullOrWhiteSpace(Folder) ? Path.Combine(dataPath, "archive") : Path.GetFullPath(Folder);
}
