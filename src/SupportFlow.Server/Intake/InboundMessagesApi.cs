using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Server.Auth;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Intake;

public sealed record InboundMessageResponse(
    long Id, Channel Channel, string Source, string Key, string? MessageId, string From, string Subject, DateTimeOffset ArrivedAt,
    DateTimeOffset ProcessedAt, InboundOutcome Outcome, string? Ticket, string? Note, bool RawKept);

/// <summary>
/// What arrived by mail and chat and what became of it, for admins: above all the messages that
/// could not be processed (<c>?outcome=failed</c>), kept whole and downloadable as .eml.
/// </summary>
public static class InboundMessagesApi
{
    public static void MapInboundMessagesApi(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/intake/messages").WithTags("Intake").RequireAuthorization(Policies.Admin);
        messages.MapGet("/", List);
        messages.MapGet("/{id:long}/raw", Raw);
    }

    internal static async Task<Ok<InboundMessageResponse[]>> List(string? outcome, string? source, int? limit, SupportFlowDbContext db,
        OrganizationTime org, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var wanted = errors.Enum<InboundOutcome>("outcome", outcome, required: false);
        var take = errors.Range("limit", limit, 1, 500) ?? 100;
        errors.ThrowIfInvalid();
        var query = db.InboundMessages.AsNoTracking();
        query = wanted is { } o ? query.Where(m => m.Outcome == o) : query;
        query = source is not null ? query.Where(m => m.Source == source) : query;
        // Projected, so the kept raw messages are not read for a listing.
        var rows = await query.OrderByDescending(m => m.Id).Take(take)
            .Select(m => new InboundMessageResponse(m.Id, m.Channel, m.Source, m.Key, m.MessageId, m.From, m.Subject, m.ArrivedAt,
                m.ProcessedAt, m.Outcome, m.TicketNumber, m.Note, m.Raw != null))
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(m => m with { ArrivedAt = org.Local(m.ArrivedAt), ProcessedAt = org.Local(m.ProcessedAt) })
            .ToArray());
    }

    internal static async Task<FileContentHttpResult> Raw(long id, SupportFlowDbContext db, CancellationToken ct)
    {
        var raw = await db.InboundMessages.AsNoTracking().Where(m => m.Id == id).Select(m => m.Raw).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("No kept message {0}: only messages that could not be processed are kept whole.", id);
        return TypedResults.File(raw, "message/rfc822", $"message-{id}.eml");
    }
}
