using SupportFlow.Tickets;

namespace SupportFlow.Intake;

/// <summary>
/// One message received from outside (a mailbox or a chat channel) and what became of it. The
/// row is written in the same transaction as the ticket or comment it produced, under a unique
/// key of its source and its identity there (IMAP UIDVALIDITY + UID, or the chat platform's
/// message id), so a message is turned into a ticket once, also across restarts and nodes.
/// </summary>
public sealed class InboundMessage
{
    private InboundMessage()
    {
    }

    public InboundMessage(Channel channel, string source, string key, string? messageId, string from, string subject,
        DateTimeOffset arrivedAt, DateTimeOffset processedAt)
    {
        Channel = channel;
        Source = source;
        Key = key;
        MessageId = messageId;
        From = from;
        Subject = subject;
        ArrivedAt = arrivedAt;
        ProcessedAt = processedAt;
    }

    public long Id { get; private set; }

    public Channel Channel { get; private set; }

    /// <summary>The mailbox or chat channel name it came through.</summary>
    public string Source { get; private set; } = "";

    /// <summary>Its identity within the source: <c>UIDVALIDITY/UID</c> for IMAP, the message id for chat.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The mail's Message-ID, unique: the same mail reaching two mailboxes makes one ticket. Null for duplicates.</summary>
    public string? MessageId { get; private set; }

    public string From { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public DateTimeOffset ArrivedAt { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }

    public InboundOutcome Outcome { get; private set; }

    public long? TicketId { get; private set; }

    public Ticket? Ticket { get; private set; }

    public string? TicketNumber { get; private set; }

    /// <summary>Why it was ignored or failed; what was skipped (refused attachments).</summary>
    public string? Note { get; private set; }

    /// <summary>The message as received, kept for those that could not be processed.</summary>
    public byte[]? Raw { get; private set; }

    public void BecameTicket(Ticket ticket, string? note) => Record(InboundOutcome.Ticket, ticket, note);

    public void BecameComment(Ticket ticket, string? note) => Record(InboundOutcome.Comment, ticket, note);

    public void Ignored(string why) => Record(InboundOutcome.Ignored, null, why);

    /// <summary>Already processed under another key (same Message-ID); the Message-ID stays with the first.</summary>
    public void Duplicate(string why)
    {
        MessageId = null;
        Record(InboundOutcome.Duplicate, null, why);
    }

    /// <summary>Could not be turned into a ticket: kept whole for an admin to look at.</summary>
    public void Failed(string why, byte[] raw)
    {
        Raw = raw;
        Record(InboundOutcome.Failed, null, why);
    }

    private void Record(InboundOutcome outcome, Ticket? ticket, string? note)
    {
        Outcome = outcome;
        Ticket = ticket;
        TicketNumber = ticket?.Number;
        Note = note is { Length: > 2000 } ? note[..2000] : note;
    }
}

public enum InboundOutcome
{
    Ticket,
    Comment,
    Ignored,
    Duplicate,
    Failed,
}
