using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Notifications;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Tickets;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Intake;

/// <summary>
/// Turns a message from outside (mail, chat) into a new ticket or a comment on the ticket it
/// answers, recording the message in the same transaction under its unique key: processed
/// once, whatever the number of restarts and nodes. New tickets go through
/// <see cref="TicketReception"/>, so numbering, SLA and routing are those of every intake.
/// </summary>
public sealed class InboundReception(
    SupportFlowDbContext db,
    TicketReception reception,
    TicketWork work,
    SlaSettings sla,
    SupportFlow.Server.Notifications.TicketNotices notices,
    TimeProvider clock,
    IOptions<SupportFlowOptions> options)
{
    public async Task<InboundResult> ReceiveAsync(InboundReport report, CancellationToken ct)
    {
        var stored = new List<StoredFile>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await FindAsync(report.Channel, report.Source, report.Key, ct) is { } earlier)
            {
                return new InboundResult(earlier.Outcome, earlier.TicketNumber, Again: true, earlier.Note);
            }

            var now = clock.GetUtcNow();
            var sender = await SenderAsync(report, ct);
            var record = new InboundMessage(report.Channel, report.Source, report.Key, report.MessageId, Sender(report, sender),
                Shorten(report.Subject, Limits.Title), report.ArrivedAt, now);
            if (report.MessageId is not null && await db.InboundMessages.AsNoTracking()
                    .FirstOrDefaultAsync(m => m.MessageId == report.MessageId, ct) is { } first)
            {
                record.Duplicate($"Message-ID {report.MessageId} was already received (via {first.Source}).");
            }
            else if (report.MachineWritten is not null)
            {
                record.Ignored($"Machine-written, not answered: {report.MachineWritten}.");
            }
            else
            {
                var ticket = await TicketOrCommentAsync(report, sender, record, stored, now, ct);
                if (report.AnswerTo is { AnswerUrl: not null } channel)
                {
                    // Committed with the ticket, delivered and retried by the outbox: the answer cannot be lost.
                    var answer = Chat.ChatIntakeApi.Answer(new InboundResult(record.Outcome, record.TicketNumber, false, null));
                    db.Outbox.Add(new OutboxMessage(ticket, "chatAnswer", NotificationChannel.Chat, channel.Name, report.SenderName,
                        Languages.Chinese, $"[#{ticket.Number}]", $"@{report.SenderName} {answer}", now, chatChannelId: channel.Id));
                }
            }

            db.InboundMessages.Add(record);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new InboundResult(record.Outcome, record.TicketNumber, Again: false, record.Note);
        }
        catch
        {
            stored.ForEach(f => f.Discard());
            throw;
        }
    }

    /// <summary>Keeps a message that could not be processed, whole, for an admin (in a fresh context).</summary>
    public async Task<InboundResult> KeepFailedAsync(InboundReport report, string why, byte[] raw, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await FindAsync(report.Channel, report.Source, report.Key, ct) is { } earlier)
        {
            return new InboundResult(earlier.Outcome, earlier.TicketNumber, Again: true, earlier.Note);
        }

        var record = new InboundMessage(report.Channel, report.Source, report.Key, null, Sender(report, null),
            Shorten(report.Subject, Limits.Title), report.ArrivedAt, clock.GetUtcNow());
        record.Failed(why, raw);
        db.InboundMessages.Add(record);
        await db.SaveChangesAsync(ct);
        return new InboundResult(record.Outcome, null, Again: false, record.Note);
    }

    public Task<InboundMessage?> FindAsync(Channel channel, string source, string key, CancellationToken ct) =>
        db.InboundMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Channel == channel && m.Source == source && m.Key == key, ct);

    /// <summary>
    /// The user a message comes from. Mail: the active account with the sender's address. Chat: only
    /// the user a <see cref="ChatIdentity"/> binds the sender's platform id to on this channel; a
    /// chat message's own claims about its sender are never taken for an account.
    /// </summary>
    private async Task<User?> SenderAsync(InboundReport report, CancellationToken ct)
    {
        if (report.Channel != Channel.Chat)
        {
            return report.SenderAddress is null
                ? null
                : await db.Users.Include(u => u.Teams).FirstOrDefaultAsync(u => u.Email == report.SenderAddress && u.IsActive, ct);
        }

        var userId = report.ChatSenderId is null
            ? null
            : await db.ChatIdentities.Where(i => i.Channel.Name == report.Source && i.SenderId == report.ChatSenderId)
                .Select(i => (int?)i.UserId).FirstOrDefaultAsync(ct);
        return userId is null
            ? null
            : await db.Users.Include(u => u.Teams).Include(u => u.Department).FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, ct);
    }

    private async Task<Ticket> TicketOrCommentAsync(InboundReport report, User? user, InboundMessage record, List<StoredFile> stored,
        DateTimeOffset now, CancellationToken ct)
    {
        var answered = await AnsweredTicketAsync(report, ct);
        if (answered is not null && TicketTransitions.IsAllowed(TicketAction.Comment, answered.Status))
        {
            var actor = user?.ToActor() ?? IntakeActors.Outsider(OutsiderLogin(report), OutsiderName(report));
            var fromReporter = (user is not null && answered.Reporter.UserId == user.Id)
                || (report.SenderAddress is not null && string.Equals(answered.Reporter.Email, report.SenderAddress, StringComparison.OrdinalIgnoreCase));
            var text = ReplyText.NewPart(report.Body);
            answered.Comment(actor, now, Shorten(text.Length == 0 ? "(empty reply)" : text, Limits.Note), fromReporter);
            var refused = await AttachAsync(answered, actor, report, stored, now, ct);
            await sla.ApplyAsync(answered, now, ct);
            // The owner hears of the reporter's reply in the same transaction (reporterReplied).
            await notices.AddAsync(answered, now, ct);
            record.BecameComment(answered, refused.Length > 0 ? refused : null);
            return answered;
        }

        var description = report.Body.Length == 0 ? "(no text)" : report.Body;
        if (answered is not null)
        {
            description = $"Follow-up to ticket {answered.Number} ({WireNames.Of(answered.Status)}).\n\n{description}";
        }

        var arrived = report.ArrivedAt > now ? now : report.ArrivedAt;
        var occurred = report.WrittenAt is { } written && written < arrived ? written : arrived;
        var ticket = await reception.ReceiveAsync(IntakeActors.Of(report.Channel), new CreateTicketRequest(
            Title(report), Shorten(description, Limits.Description), Iso(occurred), Iso(arrived), report.Module.Name,
            $"Not stated ({WireNames.Of(report.Channel)} report)", WireNames.Of(report.Priority), WireNames.Of(report.Channel),
            report.Channel == Channel.Chat && user is not null
                ? new ReporterRequest(user.Login, user.Name, user.Department?.Name, user.Phone, user.Email)
                : new ReporterRequest(null, OutsiderName(report), null, null, report.SenderAddress)), ct);
        var attachNote = await AttachAsync(ticket, IntakeActors.Of(report.Channel), report, stored, now, ct);
        var note = (description.Length > Limits.Description ? $"The text was cut at {Limits.Description} characters. " : "") + attachNote;
        record.BecameTicket(ticket, note.Length > 0 ? note : null);
        return ticket;
    }

    /// <summary>The ticket this message answers: the [#number] tag in its subject, else the messages it references (received or sent).</summary>
    private async Task<Ticket?> AnsweredTicketAsync(InboundReport report, CancellationToken ct)
    {
        var number = report.ThreadNumber ?? TicketTag.Find(report.Subject);
        if (number is null && report.References.Count > 0)
        {
            var references = report.References.ToList();
            number = await db.InboundMessages.AsNoTracking()
                .Where(m => m.MessageId != null && references.Contains(m.MessageId) && m.TicketNumber != null)
                .OrderByDescending(m => m.Id).Select(m => m.TicketNumber).FirstOrDefaultAsync(ct)
                // A reply to a mail the desk sent ("received", an update): its Message-ID was fixed in the outbox.
                ?? await db.Outbox.AsNoTracking()
                    .Where(m => references.Contains(m.MessageId) && m.TicketId != null)
                    .OrderByDescending(m => m.Id).Select(m => m.Ticket!.Number).FirstOrDefaultAsync(ct);
        }

        if (number is null)
        {
            return null;
        }

        try
        {
            return await work.FindAsync(Actor.System, number, ct);
        }
        catch (NotFoundException)
        {
            return null; // a tag of another desk, or a mistyped number: a new ticket
        }
    }

    /// <summary>Keeps each file the upload rules accept; returns what was refused, for the record.</summary>
    private async Task<string> AttachAsync(Ticket ticket, Actor actor, InboundReport report, List<StoredFile> stored,
        DateTimeOffset now, CancellationToken ct)
    {
        var refused = new List<string>();
        foreach (var file in report.Files)
        {
            var kept = await AttachmentStorage.StoreAsync(new MemoryStream(file.Content, writable: false), file.FileName,
                file.Content.Length, options.Value, now, ct);
            if (kept.Refusal is not null)
            {
                refused.Add(kept.Refusal.ToString());
                continue;
            }

            stored.Add(kept);
            db.Attachments.Add(new Attachment(ticket.Id, kept.Name, kept.ContentType, kept.Size, kept.Sha256, kept.StoredAs,
                actor.UserId, actor.Login, now));
            ticket.RecordAttachment(actor, now, kept.Name, kept.Size);
        }

        return refused.Count == 0 ? "" : "Attachments not kept: " + string.Join(" ", refused);
    }

    private static string Title(InboundReport report)
    {
        var subject = SubjectPrefix.Strip(report.Subject);
        if (subject.Length == 0)
        {
            subject = report.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault() ?? "";
        }

        return Shorten(subject.Length == 0 ? "(no subject)" : subject, Limits.Title);
    }

    private static string Sender(InboundReport report, User? user) => Shorten(report.SenderAddress is not null
        ? $"{report.SenderName} <{report.SenderAddress}>"
        : user is not null ? $"{report.SenderName} ({user.Login})" : OutsiderName(report), Limits.Email + Limits.Name);

    /// <summary>The name a sender without an account gave; a chat sender no identity binds is marked as such wherever it is shown.</summary>
    private static string OutsiderName(InboundReport report) => report.Channel == Channel.Chat
        ? Shorten(report.SenderName, Limits.Name - UnboundChatSender.Length) + UnboundChatSender
        : Shorten(report.SenderName, Limits.Name);

    private const string UnboundChatSender = " (unbound chat sender)";

    /// <summary>
    /// How history names a sender without an account: by address, or (chat) by a "chat:" name,
    /// which no login can be (logins have no ':'), so a sender calling themselves "bob" never reads as bob.
    /// </summary>
    private static string OutsiderLogin(InboundReport report) => report.Channel == Channel.Chat
        ? Shorten($"chat:{report.ChatSenderId ?? report.SenderName}", Limits.Login)
        : report.SenderAddress ?? report.SenderName;

    private static string Iso(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
