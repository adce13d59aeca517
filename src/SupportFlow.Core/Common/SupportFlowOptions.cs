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

    public SmtpOptions Smtp { get; set; } = new();

    public NotificationOptions Notifications { get; set; } = new();
    public ArchiveOptions Archive { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public OutboundOptions Outbound { get; set; } = new();

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

/// <summary><c>SupportFlow:Smtp</c>: the server outgoing mail goes through.</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty: e-mail notifications are kept in the outbox and fail visibly until a host is configured.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>none</c>, <c>startTls</c> (required), <c>startTlsWhenAvailable</c>, <c>sslOnConnect</c> or <c>auto</c> (by port).</summary>
    public string TlsMode { get; set; } = "auto";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>"IT 服务台 &lt;helpdesk@example.com&gt;"</c>.</summary>
    public string From { get; set; } = "SupportFlow <supportflow@localhost>";

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary><c>SupportFlow:Notifications</c>: language, links and the delivery worker's patience.</summary>
public sealed class NotificationOptions
{
    /// <summary>The language of recipients who chose none (and of chat groups): <c>zh-CN</c> or <c>en</c>.</summary>
    public string DefaultLanguage { get; set; } = "zh-CN";

    /// <summary>The address people open tickets at; links in messages are <c>{PublicUrl}/tickets/{number}</c>.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>False: this process writes notifications but leaves delivering them to other nodes.</summary>
    public bool Deliver { get; set; } = true;

    public double PollSeconds { get; set; } = 2;

    public int MaxAttempts { get; set; } = 6;

    public double FirstRetrySeconds { get; set; } = 60;

    public double MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How long a claim on a message lasts; a crashed worker's messages are taken over after it.</summary>
    public double LeaseSeconds { get; set; } = 120;

    public Notifications.DeliveryPolicy Policy => new(
        Math.Max(1, MaxAttempts), TimeSpan.FromSeconds(FirstRetrySeconds), TimeSpan.FromSeconds(MaxRetrySeconds),
        TimeSpan.FromSeconds(LeaseSeconds));
}

/// <summary><c>SupportFlow:Archive</c>: where monthly archives go and how long closed tickets are kept.</summary>
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

/// <summary><c>SupportFlow:Metrics</c>: who may read <c>/metrics</c>.</summary>
/// <summary>Calls the server makes to URLs users gave (chat webhooks).</summary>
public sealed class OutboundOptions
{
    /// <summary>
    /// False (the default): loopback, private, link-local, CGNAT and metadata addresses are refused,
    /// after DNS resolution and on redirects. True for a desk whose chat platform runs inside its own network.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}

public sealed class MetricsOptions
{
    /// <summary>A bearer token a scraper on another machine sends; empty: only callers on this machine (loopback) are served.</summary>
    public string? Token { get; set; }
}
