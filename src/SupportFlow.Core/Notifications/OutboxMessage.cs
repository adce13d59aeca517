using SupportFlow.Tickets;

namespace SupportFlow.Notifications;

/// <summary>
/// One notification to one recipient, stored in the same transaction as the change that caused
/// it and delivered later by the delivery worker. A worker first claims the row (a claim token
/// and a lease, set by a conditional UPDATE), so several processes never deliver it at the same
/// time; the claim token is also the concurrency token of the final update, so a worker whose
/// lease ran out cannot overwrite another's result.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(Ticket? ticket, string @event, NotificationChannel channel, string recipient, string recipientName,
        string language, string subject, string body, DateTimeOffset now, int? teamId = null, int? chatChannelId = null)
    {
        ChatChannelId = chatChannelId;
        Ticket = ticket;
        Event = @event;
        Channel = channel;
        Recipient = recipient;
        RecipientName = recipientName;
        Language = language;
        Subject = subject;
        Body = body;
        TeamId = teamId;
        CreatedAt = now;
        NextAttemptAt = now;
        MessageId = $"{Guid.NewGuid():N}@supportflow";
    }

    public long Id { get; private set; }

    public long? TicketId { get; private set; }

    public Ticket? Ticket { get; private set; }

    /// <summary>What happened: received, assigned, slaBreach, ... (the template's name).</summary>
    public string Event { get; private set; } = "";

    public NotificationChannel Channel { get; private set; }

    /// <summary>An e-mail address, or for chat the name of the team whose group is addressed.</summary>
    public string Recipient { get; private set; } = "";

    public string RecipientName { get; private set; } = "";

    /// <summary>For chat: the team whose chat group (read at delivery, so a corrected address is used) receives it.</summary>
    public int? TeamId { get; private set; }

    /// <summary>For a chat bot's answer: the intake channel whose answer webhook (read at delivery) receives it.</summary>
    public int? ChatChannelId { get; private set; }

    public string Language { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>
    /// Stable for the row's whole life: a message sent again after a crash between the receiver's
    /// acceptance and "sent" being stored carries the same Message-ID, so receivers can drop the copy.
    /// </summary>
    public string MessageId { get; private set; } = "";

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Who is delivering it now; null when nobody is. Also the concurrency token.</summary>
    public string? ClaimToken { get; private set; }

    /// <summary>A claim older than this is abandoned (its process died) and may be taken over.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        SentAt = now;
        Status = OutboxStatus.Sent;
        LastError = null;
        Release();
    }

    /// <summary>
    /// A failed attempt: try again after the policy's backoff, or give up after the last attempt,
    /// or at once when it is <c>permanent</c> (retrying cannot help: a refused address).
    /// </summary>
    public void MarkFailed(DateTimeOffset now, string error, DeliveryPolicy policy, bool permanent = false)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (permanent || Attempts >= policy.MaxAttempts)
        {
            Status = OutboxStatus.Failed;
        }
        else
        {
            NextAttemptAt = now + policy.Backoff(Attempts);
        }

        Release();
    }

    /// <summary>An admin sends a failed message again: a fresh set of attempts, from now.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Failed)
        {
            throw new Common.DomainException("Notification {0} is {1}; only failed ones are retried.", Id, Localization.LocalizedMessage.Wire(Status));
        }

        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        Release();
    }

    private void Release()
    {
        ClaimToken = null;
        ClaimedUntil = null;
    }
}

/// <summary>How often and how patiently the worker delivers: exponential backoff, a last attempt, a claim lease.</summary>
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan FirstRetry, TimeSpan MaxRetry, TimeSpan Lease)
{
    public static DeliveryPolicy Default { get; } =
        new(6, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromMinutes(2));

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: FirstRetry x 2^(attempts-1), at most MaxRetry.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetry.Ticks * factor, MaxRetry.Ticks));
        return delay < FirstRetry ? FirstRetry : delay;
    }
}
