using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;

namespace SupportFlow.Server.Intake;

/// <summary>What arrived by mail and chat and what became of it; the API and the failures page call these.</summary>
public sealed class InboundMessageLog(SupportFlowDbContext db, OrganizationTime org)
{
    public const int MaxListed = 500;

    /// <summary>Newest first, optionally only one outcome or one source (a mailbox or chat channel).</summary>
    public async Task<InboundMessageResponse[]> ListAsync(InboundOutcome? outcome, string? source, int limit, CancellationToken ct)
    {
        var query = db.InboundMessages.AsNoTracking();
        query = outcome is { } o ? query.Where(m => m.Outcome == o) : query;
        query = source is not null ? query.Where(m => m.Source == source) : query;
        // Projected, so the kept raw messages are not read for a listing.
        var rows = await query.OrderByDescending(m => m.Id).Take(limit)
            .Select(m => new InboundMessageResponse(m.Id, m.Channel, m.Source, m.Key, m.MessageId, m.From, m.Subject, m.ArrivedAt,
                m.ProcessedAt, m.Outcome, m.TicketNumber, m.Note, m.Raw != null))
            .ToListAsync(ct);
        return [.. rows.Select(m => m with { ArrivedAt = org.Local(m.ArrivedAt), ProcessedAt = org.Local(m.ProcessedAt) })];
    }

    /// <summary>A kept message as it arrived (an .eml); only those that could not be processed are kept.</summary>
    public async Task<(byte[] Content, string FileName)> RawAsync(long id, CancellationToken ct)
    {
        var raw = await db.InboundMessages.AsNoTracking().Where(m => m.Id == id).Select(m => m.Raw).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("No kept message {0}: only messages that could not be processed are kept whole.", id);
        return (raw, $"message-{id}.eml");
    }
}
