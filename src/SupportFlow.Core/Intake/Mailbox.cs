using SupportFlow.Routing;
using SupportFlow.Tickets;

namespace SupportFlow.Intake;

/// <summary>
/// An IMAP mailbox the desk reads: each new message in <see cref="Folder"/> becomes a ticket
/// (or a comment on the ticket it answers). Configured by an admin; the password is only ever
/// written, never shown.
/// </summary>
public sealed class Mailbox
{
    private Mailbox()
    {
    }

    public Mailbox(string name, Module module)
    {
        Name = name;
        Module = module;
    }

    public int Id { get; private set; }

    /// <summary>Natural key used in URLs: <c>/api/mailboxes/{name}</c>.</summary>
    public string Name { get; set; } = "";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 993;

    public MailSecurity Tls { get; set; } = MailSecurity.SslOnConnect;

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string Folder { get; set; } = "INBOX";

    /// <summary>The desk's own address here: mail from it is ours coming back and never becomes a ticket.</summary>
    public string? Address { get; set; }

    /// <summary>New tickets from this mailbox go to this module (and so to its team).</summary>
    public int ModuleId { get; private set; }

    public Module Module { get; set; } = null!;

    public Priority Priority { get; set; } = Priority.P3;

    public bool Enabled { get; set; } = true;

    /// <summary>Bumped on every change, so running watchers notice and reconnect with the new settings.</summary>
    public int Version { get; set; }
}

/// <summary>How the IMAP connection is secured (MailKit's SecureSocketOptions).</summary>
public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}
