using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Localization;
using SupportFlow.Notifications;
using SupportFlow.Server.Operations;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Notifications;

/// <summary>
/// Delivers the outbox. Each message is first claimed with a conditional UPDATE (pending, due,
/// and not claimed by anyone whose lease is still running) that sets a fresh claim token and a
/// lease: only one process can win it, on SQLite and PostgreSQL alike. The result (sent, or a
/// failure with its backoff) is saved with the claim token as concurrency token, together with
/// the ticket's history line. A process that dies holding a claim only delays the message until
/// the lease ends. Delivery is at least once: a crash after the receiver accepted a message but
/// before "sent" was stored sends it again, with the same Message-ID.
/// </summary>
public sealed class OutboxDelivery(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<SupportFlowOptions> options,
    EmailSender email,
    ChatSender chat,
    ILogger<OutboxDelivery> log,
    SupportFlowMetrics metrics) : Jobs.PeriodicJob(clock, log, metrics)
{
    private const int Batch = 50;

    private NotificationOptions Settings => options.Value.Notifications;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(0.1, Settings.PollSeconds));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Settings.Deliver ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    /// <summary>Delivers (or fails) every message due now; returns how many were attempted.</summary>
    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await CountAsync(cancellationToken);
        var attempted = 0;
        while (true)
        {
            var now = Clock.GetUtcNow();
            List<long> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().Outbox
                    .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                                && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                    .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                    .Select(m => m.Id)
                    .Take(Batch)
                    .ToListAsync(cancellationToken);
            }

            var claimed = 0;
            foreach (var id in due)
            {
                var token = Guid.NewGuid().ToString("N");
                if (await ClaimAsync(id, token, cancellationToken))
                {
                    claimed++;
                    await DeliverAsync(id, token, cancellationToken);
                }
            }

            attempted += claimed;
            if (due.Count < Batch || claimed == 0)
            {
                return attempted;
            }
        }
    }

    /// <summary>The outbox depth for /metrics: two counts on the (status, next attempt) index.</summary>
    private async Task CountAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().Outbox;
        Metrics.ObserveOutbox(
            await outbox.LongCountAsync(m => m.Status == OutboxStatus.Pending, ct),
            await outbox.LongCountAsync(m => m.Status == OutboxStatus.Failed, ct));
    }

    /// <summary>One conditional UPDATE: true when this process now holds the message.</summary>
    private async Task<bool> ClaimAsync(long id, string token, CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var until = now + Settings.Policy.Lease;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        return await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                        && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), ct) == 1;
    }

    private async Task DeliverAsync(long id, string token, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id && m.ClaimToken == token, ct);
        if (message is null)
        {
            return;
        }

        var number = message.TicketId is long ticketId
            ? await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Number).SingleAsync(ct)
            : null;
        string? error = null;
        var permanent = false;
        try
        {
            if (message.Channel == NotificationChannel.Email)
            {
                await email.SendAsync(message, ct);
            }
            else if (message.ChatChannelId is int channelId)
            {
                var channel = await db.ChatChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, ct);
                var group = channel?.AnswerGroup
                    ?? throw new DeliveryException($"Chat channel '{message.Recipient}' has no answer webhook any more.");
                await chat.SendAsync(message, number, group, ct);
            }
            else
            {
                var team = message.TeamId is int teamId ? await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct) : null;
                var group = team?.Chat ?? throw new DeliveryException($"Team '{message.Recipient}' has no chat group any more.");
                await chat.SendAsync(message, number, group, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = e is DeliveryException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            permanent = e is DeliveryException { Permanent: true };
        }

        var now = Clock.GetUtcNow();
        if (error is null)
        {
            message.MarkSent(now);
        }
        else
        {
            message.MarkFailed(now, error, Settings.Policy, permanent);
            Log.LogWarning("Notification {Id} ({Channel} to {Recipient}) failed, attempt {Attempt}: {Error}",
                message.Id, message.Channel, message.Recipient, message.Attempts, error);
        }

        Metrics.OutboxDeliveries.Add(1, new KeyValuePair<string, object?>("channel", WireNames.Of(message.Channel)),
            new KeyValuePair<string, object?>("result", error is null ? "sent" : message.Status == OutboxStatus.Failed ? "failed" : "retry"));
        if (message.TicketId is long ticket && message.Status != OutboxStatus.Pending)
        {
            db.TicketHistory.Add(TicketHistoryEntry.Delivery(ticket, now, WireNames.Of(message.Channel), WireNames.Of(message.Status),
                error is null
                    ? new LocalizedMessage("{0} to {1} <{2}>: {3}", WireNames.Of(message.Channel), message.RecipientName, message.Recipient,
                        message.Event)
                    : new LocalizedMessage("{0} to {1} <{2}>: {3} ({4} attempts; {5})", WireNames.Of(message.Channel), message.RecipientName,
                        message.Recipient, message.Event, message.Attempts, error)));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out and another process took the message over: its result stands.
            Log.LogWarning("Notification {Id} was taken over by another worker after its lease ended", id);
        }
    }
}
