using Microsoft.AspNetCore.Http.HttpResults;
using SupportFlow.Common;
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

    private static async Task<Ok<InboundMessageResponse[]>> List(string? outcome, string? source, int? limit, InboundMessageLog log,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        var wanted = errors.Enum<InboundOutcome>("outcome", outcome, required: false);
        var take = errors.Range("limit", limit, 1, InboundMessageLog.MaxListed) ?? 100;
        errors.ThrowIfInvalid();
        return TypedResults.Ok(await log.ListAsync(wanted, source, take, ct));
    }

    private static async Task<FileContentHttpResult> Raw(long id, InboundMessageLog log, CancellationToken ct)
    {
        var (content, fileName) = await log.RawAsync(id, ct);
        return TypedResults.File(content, "message/rfc822", fileName);
    }
}
