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
        var export = await PrepareAsync(query, format, actor, db, sla, org, clock, ct);
        return export.IsXlsx
            ? new XlsxDownload(export.FileName, (workbook, token) => WriteSheetAsync(workbook, export.Records, token))
            : TypedResults.Stream(body => WriteCsvAsync(body, export.Records, ct), CsvContentType, export.FileName);
    }

    /// <summary>
    /// Checks the format and the filters (a <see cref="RequestValidationException"/> naming each bad one)
    /// and selects the tickets; their records are read only as <see cref="PreparedExport.WriteAsync"/> writes them.
    /// </summary>
    internal static async Task<PreparedExport> PrepareAsync(TicketListQuery query, string? format, Actor actor,
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
        var name = $"tickets-{org.Local(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{kind}";
        return new PreparedExport(name, kind == "xlsx", ids.Count, Records(db, ids, calendar, org, now, ct));
    }

    /// <summary>An export whose input was accepted: its file name, how many tickets, and their records in the list's order.</summary>
    internal sealed record PreparedExport(string FileName, bool IsXlsx, int Tickets, IAsyncEnumerable<TrackingRecord> Records)
    {
        /// <summary>Writes the CSV or the workbook into a stream of the caller's (the CLI's file).</summary>
        public async Task WriteAsync(Stream output, CancellationToken ct)
        {
            if (!IsXlsx)
            {
                await WriteCsvAsync(output, Records, ct);
                return;
            }

            await using var workbook = await XlsxWorkbook.CreateAsync(output, ct);
            await WriteSheetAsync(workbook, Records, ct);
            await workbook.FinishAsync(ct);
        }
    }

    private static async Task WriteSheetAsync(XlsxWorkbook workbook, IAsyncEnumerable<TrackingRecord> records, CancellationToken ct)
    {
        await workbook.StartSheetAsync("Tickets", TrackingColumns.Headers, ct);
        await foreach (var record in records.WithCancellation(ct))
        {
            await workbook.AddRowAsync(MonthlyArchive.Cells(record.Values), ct);
        }
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
