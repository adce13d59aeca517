using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Notifications;

namespace SupportFlow.Server.Notifications;

/// <summary>The outbox as admins work it: what failed or waits for another attempt, and a fresh try. The API and the failures page call these.</summary>
public sealed class DeliveryQueue(SupportFlowDbContext db, TimeProvider clock, OrganizationTime org)
{
    public const int MaxListed = 500;

    /// <summary>Newest first; all statuses when <paramref name="status"/> is null.</summary>
    public async Task<DeliveryResponse[]> ListAsync(OutboxStatus? status, int limit, CancellationToken ct)
    {
        var query = db.Outbox.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(limit)
            .Select(m => new { Message = m, Number = m.Ticket == null ? null : m.Ticket.Number })
            .ToListAsync(ct);
        return [.. rows.Select(r => DeliveryResponse.From(r.Message, r.Number, org))];
    }

    /// <summary>Sends a message again: a fresh set of attempts, from now.</summary>
    public async Task<DeliveryResponse> RetryAsync(long id, CancellationToken ct)
    {
        var message = await db.Outbox.Include(m => m.Ticket).SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException("Notification {0} was not found.", id);
        message.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return DeliveryResponse.From(message, message.Ticket?.Number, org);
    }
}
