using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Archive;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Archive;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Spreadsheets;
using SupportFlow.Sla;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// <c>GET /api/tickets/export?format=csv|xlsx&amp;...</c>: every ticket the list's filters select
/// (the same filters, permissions and order as <c>GET /api/tickets</c>, no paging) as the monthly
/// archive's tracking record: CSV in UTF-8 with BOM, or an XLSX workbook with one sheet. Tickets
/// are loaded batch by batch and written into the response as they come (memory stays flat, no
/// temporary file).
/// </summary>
public static class TicketExport
{
    private const int BatchSize = 500;
    private const string CsvContentType = "text/csv; charset=utf-8";

    public static Task<IResult> Export([AsParameters] TicketListQuery query, [FromQuery] string? format, HttpContext http,
        SupportFlowDbContext db, SlaSettings sla, OrganizationTime org, TimeProvider clock, CancellationToken ct) =>
        DownloadAsync(query, format, http.User.ToActor(), db, sla, org, clock, ct);

    /// <summary>
    /// The export as a download; the console's Export link serves it too. Bad input is refused here,
    /// before the response starts; the tickets are read while the response is written.
    /// </summary>
    internal static async Task<IResult> DownloadAsync(TicketListQuery query, string? format, Actor actor,
        SupportFlowDbContext db, SlaSettings sla, OrganizationTime org, TimeProvider clock, CancellationToken ct)
    {
        var kind = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => "csv",
            "xlsx" => "xlsx",
            _ => throw new RequestValidationException("format", "'{0}' is not a valid format: use csv or xlsx.", format),
        };
        var now = clock.GetUtcNow();
        var ids = await (await TicketList.MatchingAsync(query, actor, db, now, org, ct)).Select(t => t.Id).ToListAsync(ct);
        var calendar = await sla.CalendarAsync(ct);
        var records = Records(db, ids, calendar, org, now, ct);
        var name = $"tickets-{org.Local(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{kind}";
        return kind == "csv"
            ? TypedResults.Stream(body => WriteCsvAsync(body, records, ct), CsvContentType, name)
            : new XlsxDownload(name, async (workbook, token) =>
            {
                await workbook.StartSheetAsync("Tickets", TrackingColumns.Headers, token);
                await foreach (var record in records.WithCancellation(token))
                {
                    await workbook.AddRowAsync(MonthlyArchive.Cells(record.Values), token);
                }
            });
    }

    /// <summary>The tickets' tracking records in the order of <paramref name="ids"/>, loaded 500 at a time without tracking.</summary>
    private static async IAsyncEnumerable<TrackingRecord> Records(SupportFlowDbContext db, List<long> ids, BusinessCalendar calendar,
        OrganizationTime org, DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var batch = (await db.Tickets.AsNoTracking().Where(t => chunk.Contains(t.Id))
                .Include(t => t.Module).Include(t => t.Team).Include(t => t.Assignee).Include(t => t.ClockIntervals)
                .AsSplitQuery().ToListAsync(ct)).ToDictionary(t => t.Id);
            foreach (var id in chunk)
            {
                if (batch.TryGetValue(id, out var ticket))
                {
                    yield return TrackingRecord.From(ticket, ticket.SlaAt(calendar, now), org);
                }
            }
        }
    }

    private static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<TrackingRecord> records, CancellationToken ct)
    {
        // Only asynchronous writes reach the response: CsvHelper hands each record over in NextRecordAsync.
        await using var text = new StreamWriter(body, new UTF8Encoding(true), leaveOpen: true);
        await using var csv = CsvCells.Writer(text);
        csv.WriteRow(TrackingColumns.Headers);
        await csv.NextRecordAsync();
        await foreach (var record in records.WithCancellation(ct))
        {
            csv.WriteRow(record.Values);
            await csv.NextRecordAsync();
        }
    }
}
