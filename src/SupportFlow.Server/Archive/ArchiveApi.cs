using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;

namespace SupportFlow.Server.Archive;

public sealed record ArchiveRunResponse(string Month, DateTimeOffset? FinishedAt, int Tickets, string? ManifestSha256, string? By);

public sealed record PurgeResponse(long Id, DateTimeOffset At, string By, string Before, string[] Months, int Tickets,
    int HistoryLines, int Attachments, string? FirstNumber, string? LastNumber);

/// <summary><c>GET /api/archive/months</c> (archives written) and <c>GET /api/archive/purges</c> (the purge audit trail), for admins.</summary>
public static class ArchiveApi
{
    public static void MapArchiveApi(this IEndpointRouteBuilder app)
    {
        var archive = app.MapGroup("/api/archive").WithTags("Archive").RequireAuthorization(Policies.Admin);
        archive.MapGet("/months", Months);
        archive.MapGet("/purges", Purges);
    }

    private static async Task<Ok<ArchiveRunResponse[]>> Months(SupportFlowDbContext db, OrganizationTime org, CancellationToken ct) =>
        TypedResults.Ok((await db.ArchiveRuns.AsNoTracking().Where(r => r.FinishedAt != null).OrderByDescending(r => r.Month)
            .ToListAsync(ct)).Select(r => new ArchiveRunResponse(r.Month, org.Local(r.FinishedAt), r.Tickets, r.ManifestSha256, r.ClaimedBy))
            .ToArray());

    private static async Task<Ok<PurgeResponse[]>> Purges(SupportFlowDbContext db, OrganizationTime org, CancellationToken ct) =>
        TypedResults.Ok((await db.PurgeRecords.AsNoTracking().OrderByDescending(p => p.Id).ToListAsync(ct))
            .Select(p => new PurgeResponse(p.Id, org.Local(p.At), p.By, p.Before, p.Months.Split(',', StringSplitOptions.RemoveEmptyEntries),
                p.Tickets, p.HistoryLines, p.Attachments, p.FirstNumber, p.LastNumber)).ToArray());
}
