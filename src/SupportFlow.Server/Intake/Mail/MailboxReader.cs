using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Intake.Mail;

/// <summary>
/// Reads one IMAP mailbox with MailKit: every unseen message is handed to
/// <see cref="InboundReception"/> and marked \Seen only once its record is committed. A crash
/// in between leaves the message unseen; the next pass finds its record by (UIDVALIDITY, UID)
/// and only marks it. Messages are read with BODY.PEEK, so reading never marks them by itself.
/// </summary>
public sealed class MailboxReader(IServiceScopeFactory scopes, ILogger<MailboxReader> log)
{
    /// <summary>Connects, processes what is new and disconnects; returns how many messages were processed.</summary>
    public async Task<int> ReadOnceAsync(string mailboxName, CancellationToken ct)
    {
        var mailbox = await LoadAsync(mailboxName, ct);
        using var client = await ConnectAsync(mailbox, ct);
        var folder = await OpenAsync(client, mailbox, ct);
        var count = await ProcessNewAsync(folder, mailbox, ct);
        await client.DisconnectAsync(quit: true, ct);
        return count;
    }

    public async Task<Mailbox> LoadAsync(string mailboxName, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        return await db.Mailboxes.AsNoTracking().Include(m => m.Module).ThenInclude(m => m.Team)
                   .SingleOrDefaultAsync(m => m.Name == mailboxName, ct)
               ?? throw new NotFoundException("Mailbox '{0}' was not found.", mailboxName);
    }

    public static async Task<ImapClient> ConnectAsync(Mailbox mailbox, CancellationToken ct)
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync(mailbox.Host, mailbox.Port, Security(mailbox.Tls), ct);
            await client.AuthenticateAsync(mailbox.UserName, mailbox.Password, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static async Task<IMailFolder> OpenAsync(ImapClient client, Mailbox mailbox, CancellationToken ct)
    {
        var folder = string.Equals(mailbox.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(mailbox.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        return folder;
    }

    /// <summary>Processes every unseen message of the open folder, oldest first.</summary>
    public async Task<int> ProcessNewAsync(IMailFolder folder, Mailbox mailbox, CancellationToken ct)
    {
        var unseen = await folder.SearchAsync(SearchQuery.NotSeen, ct);
        if (unseen.Count == 0)
        {
            return 0;
        }

        var summaries = await folder.FetchAsync(unseen, MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate, ct);
        var processed = 0;
        foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
        {
            var key = $"{folder.UidValidity}/{summary.UniqueId.Id}";
            var result = await ProcessAsync(folder, mailbox, summary, key, ct);
            await folder.StoreAsync(summary.UniqueId, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, ct);
            if (!result.Again)
            {
                processed++;
                log.LogInformation("Mail {Key} in {Mailbox}: {Outcome} {Ticket} {Note}", key, mailbox.Name, result.Outcome,
                    result.TicketNumber, result.Note);
            }
        }

        return processed;
    }

    private async Task<InboundResult> ProcessAsync(IMailFolder folder, Mailbox mailbox, IMessageSummary summary, string key,
        CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reception = scope.ServiceProvider.GetRequiredService<InboundReception>();
        if (await reception.FindAsync(Channel.Email, mailbox.Name, key, ct) is { } earlier)
        {
            return new InboundResult(earlier.Outcome, earlier.TicketNumber, Again: true, earlier.Note);
        }

        byte[] raw;
        await using (var stream = await folder.GetStreamAsync(summary.UniqueId, ct))
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy, ct);
            raw = copy.ToArray();
        }

        var arrived = summary.InternalDate ?? scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var shell = new InboundReport(Channel.Email, mailbox.Name, key, "(unknown sender)", null, "", "", arrived,
            mailbox.Module, mailbox.Priority);
        InboundReport report;
        try
        {
            var mail = IncomingMail.Read(raw);
            report = InboundReport.FromMail(mail, mailbox.Name, key, arrived, mailbox.Module, mailbox.Priority);
            if (mailbox.Address is { } own && string.Equals(own, mail.FromAddress, StringComparison.OrdinalIgnoreCase))
            {
                report = report with { MachineWritten = $"sent from the desk's own address {own}" };
            }
        }
        catch (UnreadableMailException e)
        {
            return await reception.KeepFailedAsync(shell, e.Message, raw, ct);
        }

        try
        {
            return await reception.ReceiveAsync(report, ct);
        }
        catch (Exception e) when (e is RequestValidationException or DomainException)
        {
            // Refused by the intake rules (a module since deleted, ...): retrying cannot help.
            return await reception.KeepFailedAsync(report, $"Refused by intake: {Describe(e)}", raw, ct);
        }
        catch (DbUpdateException)
        {
            // Another node committed this message first; anything else is retried on the next pass.
            if (await AlreadyRecordedAsync(mailbox.Name, key, ct) is { } other)
            {
                return other;
            }

            throw;
        }
    }

    private async Task<InboundResult?> AlreadyRecordedAsync(string mailbox, string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<InboundReception>().FindAsync(Channel.Email, mailbox, key, ct);
        return found is null ? null : new InboundResult(found.Outcome, found.TicketNumber, Again: true, found.Note);
    }

    private static string Describe(Exception e) => e is RequestValidationException v
        ? string.Join(" ", v.Errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")))
        : e.Message;

    private static SecureSocketOptions Security(MailSecurity tls) => tls switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.Auto => SecureSocketOptions.Auto,
    };
}
