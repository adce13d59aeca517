using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SupportFlow.Common;
using SupportFlow.Notifications;

namespace SupportFlow.Server.Notifications;

/// <summary>Sends one outbox e-mail through the configured SMTP server (<c>SupportFlow:Smtp:*</c>) with MailKit.</summary>
public sealed class EmailSender(IOptions<SupportFlowOptions> options)
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new DeliveryException("SupportFlow:Smtp:Host is not configured.");
        }

        var body = new TextPart("plain") { Text = message.Body };
        body.Headers.Add(HeaderId.ContentLanguage, message.Language);
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.MessageId, // stable per outbox row: a resend after a crash is recognisably the same mail
            Body = body,
        };
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(new MailboxAddress(message.RecipientName, message.Recipient));
        mail.Headers.Add("Auto-Submitted", "auto-generated");

        using var client = new SmtpClient { Timeout = Math.Max(1, smtp.TimeoutSeconds) * 1000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, TlsMode(smtp.TlsMode), ct);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        }

        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private static SecureSocketOptions TlsMode(string mode) => mode.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "starttlswhenavailable" => SecureSocketOptions.StartTlsWhenAvailable,
        "sslonconnect" or "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
        "auto" or "" => SecureSocketOptions.Auto,
        _ => throw new DeliveryException(
            $"SupportFlow:Smtp:TlsMode '{mode}' is not valid: use none, startTls, startTlsWhenAvailable, sslOnConnect or auto."),
    };
}

/// <summary>
/// A delivery that cannot succeed as configured; its message is what the admin sees.
/// <paramref name="permanent"/>: trying again cannot help (an address the server refuses to call),
/// so the message fails at once instead of using up its retries.
/// </summary>
public sealed class DeliveryException(string message, bool permanent = false) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}
