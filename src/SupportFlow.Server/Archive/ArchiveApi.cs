using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Archive;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;

namespace SupportFlow.Server.Archive;

public sealed record ArchiveRunResponse(string Month, DateTimeOffset? FinishedAt, int Tickets, string? ManifestSha256, string? By);

public sealed record PurgeResponse(long Id, bool DryRun, DateTimeOffset At, string By, string Before, string[] Months, int Tickets,
    int HistoryLines, int Attachments, string? FirstNumber, string? LastNumber);

/// <summary><c>POST /api/archive/purges</c>: <c>{before: "YYYY-MM", dryRun}</c>.</summary>
public sealed record PurgeRequest(string? Before, bool? DryRun)
{
    public ArchiveMonth Parse() =>
        ArchiveMonth.TryParse(Before?.Trim(), out var month)
            ? month
            : Before is null
                ? throw new RequestValidationException("before", "before is required: a month YYYY-MM.")
                : throw new RequestValidationException("before", "'{0}' is not a month: use YYYY-MM, e.g. {1}.", Before, "2025-06");
}

/// <summary>
/// Admins: <c>GET /api/archive/months</c> (archives written), <c>GET /api/archive/purges</c> (the
/// purge audit trail) and <c>POST /api/archive/purges</c> (purge, or a dry run that only counts).
/// </summary>
public static class ArchiveApi
{
    public static void MapArchiveApi(this IEndpointRouteBuilder app)
    {
        var archive = app.MapGroup("/api/archive").WithTags("Archive").RequireAuthorization(Policies.Admin);
        archive.MapGet("/months", Months);
        archive.MapGet("/purges", Purges);
        archive.MapPost("/purges", Purge);
    }

    private static async Task<Ok<ArchiveRunResponse[]>> Months(SupportFlowDbContext db, OrganizationTime org, CancellationToken ct) =>
        TypedResults.Ok((await db.ArchiveRuns.AsNoTracking().Where(r => r.FinishedAt != null).OrderByDescending(r => r.Month)
            .ToListAsync(ct)).Select(r => new ArchiveRunResponse(r.Month, org.Local(r.FinishedAt), r.Tickets, r.ManifestSha256, r.ClaimedBy))
            .ToArray());

    private static async Task<Ok<PurgeResponse[]>> Purges(SupportFlowDbContext db, OrganizationTime org, CancellationToken ct) =>
        TypedResults.Ok((await db.PurgeRecords.AsNoTracking().OrderByDescending(p => p.Id).ToListAsync(ct))
            .Select(p => Response(p, dryRun: false, org)).ToArray());

    /// <summary>Refusals (too young, archive missing or stale) are 409 problems; nothing changes.</summary>
    private static async Task<Ok<PurgeResponse>> Purge(PurgeRequest request, ClaimsPrincipal user, TicketPurge purge,
        OrganizationTime org, CancellationToken ct)
    {
        var before = request.Parse();
        var done = await purge.PurgeAsync(before, user.ToActor().Login, request.DryRun ?? false, ct);
        return TypedResults.Ok(Response(done.Record, done.DryRun, org));
    }

    private static PurgeResponse Response(PurgeRecord p, bool dryRun, OrganizationTime org) =>
        new(p.Id, dryRun, org.Local(p.At), p.By, p.Before, p.Months.Split(',', StringSplitOptions.RemoveEmptyEntries),
            p.Tickets, p.HistoryLines, p.Attachments, p.FirstNumber, p.LastNumber);
}
