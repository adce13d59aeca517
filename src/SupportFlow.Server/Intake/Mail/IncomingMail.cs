using System.Text;
using MimeKit;
using SupportFlow.Intake;

namespace SupportFlow.Server.Intake.Mail;

/// <summary>What the desk takes from a received mail: sender, subject, text, threading headers, files.</summary>
public sealed record IncomingMail(
    string FromAddress,
    string FromName,
    string Subject,
    string Body,
    string? MessageId,
    IReadOnlyList<string> References,
    DateTimeOffset? Date,
    string? MachineWritten,
    IReadOnlyList<MailFile> Files)
{
    static IncomingMail() =>
        // GBK, GB2312, Big5, Shift_JIS...: .NET only knows the Unicode family until code pages are registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads a raw RFC 5322 message; throws <see cref="UnreadableMailException"/> when no ticket can come of it.</summary>
    public static IncomingMail Read(byte[] raw)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(new MemoryStream(raw, writable: false));
        }
        catch (FormatException e)
        {
            throw new UnreadableMailException($"Not a mail message: {e.Message}");
        }

        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        if (from is null || !from.Address.Contains('@', StringComparison.Ordinal) || from.Address.Length > 254)
        {
            throw new UnreadableMailException("The message has no sender address (From) to answer.");
        }

        var body = message.TextBody is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : message.HtmlBody is { } html ? HtmlText.ToText(html) : "";
        var references = message.References.Concat(message.InReplyTo is { } r ? [r] : []).ToList();
        return new IncomingMail(
            from.Address.Trim(),
            string.IsNullOrWhiteSpace(from.Name) ? from.Address.Trim() : from.Name.Trim(),
            (message.Subject ?? "").Trim(),
            body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId,
            references,
            message.Date == DateTimeOffset.MinValue ? null : message.Date,
            AutoReplies.Why(name => message.Headers[name], from.Address, ReturnPath(message), message.Body?.ContentType.MimeType ?? ""),
            FilesOf(message));
    }

    /// <summary>Attachments, pasted images (inline, often without a name) and attached mails.</summary>
    private static List<MailFile> FilesOf(MimeMessage message)
    {
        var files = new List<MailFile>();
        foreach (var part in message.BodyParts)
        {
            if (part is MessagePart { Message: { } inner })
            {
                using var eml = new MemoryStream();
                inner.WriteTo(eml);
                files.Add(new MailFile(FileName(part.ContentDisposition?.FileName, "message", ".eml", files.Count), eml.ToArray()));
            }
            else if (part is MimePart mime && !(mime is TextPart && !mime.IsAttachment)
                     && (mime.IsAttachment || mime.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase)))
            {
                using var content = new MemoryStream();
                mime.Content?.DecodeTo(content);
                var extension = MimeTypes.TryGetExtension(mime.ContentType.MimeType, out var ext) ? ext : "";
                files.Add(new MailFile(FileName(mime.FileName, "attachment", extension, files.Count), content.ToArray()));
            }
        }

        return files;
    }

    private static string FileName(string? given, string stem, string extension, int index) =>
        string.IsNullOrWhiteSpace(given) ? $"{stem}{index + 1}{extension}" : given;

    /// <summary>The envelope sender the delivering server recorded: "" for the null sender of bounces.</summary>
    private static string? ReturnPath(MimeMessage message) =>
        message.Headers["Return-Path"] is { } path ? path.Trim().Trim('<', '>').Trim() : null;
}

/// <summary>A file that came with a mail, checked against the attachment rules before it is kept.</summary>
public sealed record MailFile(string FileName, byte[] Content);

/// <summary>A message no ticket can come of (not a mail, no sender): kept raw and shown to admins.</summary>
public sealed class UnreadableMailException(string message) : Exception(message);
