namespace SupportFlow.Server.Intake.Mail;

/// <summary>The <c>SupportFlow:MailIntake</c> configuration section; mailboxes themselves are configured over the API.</summary>
public sealed class MailIntakeOptions
{
    public const string Section = "SupportFlow:MailIntake";

    /// <summary>Whether this node watches the configured mailboxes (several nodes may; each message is processed once).</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How often a server without IDLE is asked for new mail, and how often the mailbox list is re-read.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>The wait before reconnecting after a failure (server down, wrong password).</summary>
    public int RetrySeconds { get; set; } = 60;

    /// <summary>IDLE is renewed this often (RFC 2177 asks for less than 30 minutes).</summary>
    public int IdleMinutes { get; set; } = 9;
}
