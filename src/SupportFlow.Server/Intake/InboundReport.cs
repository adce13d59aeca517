using SupportFlow.Routing;
using SupportFlow.Server.Intake.Mail;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Intake;

/// <summary>
/// A message that arrived from outside, ready to become a ticket or a comment: where it came
/// from and its identity there (<see cref="Source"/>, <see cref="Key"/>), who wrote it, and what.
/// </summary>
public sealed record InboundReport(
    Channel Channel,
    string Source,
    string Key,
    string SenderName,
    string? SenderAddress,
    string Subject,
    string Body,
    DateTimeOffset ArrivedAt,
    Module Module,
    Priority Priority)
{
    /// <summary>The mail's Message-ID: a second copy (another mailbox, a re-delivery) is a duplicate.</summary>
    public string? MessageId { get; init; }

    /// <summary>In-Reply-To and References: the messages this one answers.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>When the sender wrote it (the Date header), if known.</summary>
    public DateTimeOffset? WrittenAt { get; init; }

    /// <summary>The ticket it names itself (a chat message's <c>#number</c>); mail finds it in the subject.</summary>
    public string? ThreadNumber { get; init; }

    /// <summary>The chat platform's id of the sender, bound to a user (or not) by a <see cref="SupportFlow.Intake.ChatIdentity"/>.</summary>
    public string? ChatSenderId { get; init; }

    /// <summary>Why it is machine-written (auto-reply, bounce), or null for a person's message.</summary>
    public string? MachineWritten { get; init; }

    public IReadOnlyList<MailFile> Files { get; init; } = [];

    /// <summary>A chat channel whose platform takes no answer in its response: the answer goes to its group through the outbox.</summary>
    public SupportFlow.Intake.ChatChannel? AnswerTo { get; init; }

    public static InboundReport FromMail(IncomingMail mail, string mailbox, string key, DateTimeOffset arrivedAt, Module module,
        Priority priority) =>
        new(Channel.Email, mailbox, key, mail.FromName, mail.FromAddress, mail.Subject, mail.Body, arrivedAt, module, priority)
        {
            MessageId = mail.MessageId,
            References = mail.References,
            WrittenAt = mail.Date,
            MachineWritten = mail.MachineWritten,
            Files = mail.Files,
        };
}

/// <summary>What became of an inbound message; <see cref="Again"/> when it had been processed before.</summary>
public sealed record InboundResult(SupportFlow.Intake.InboundOutcome Outcome, string? TicketNumber, bool Again, string? Note);
