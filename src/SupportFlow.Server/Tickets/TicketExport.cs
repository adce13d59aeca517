using System.Globalization;
using System.Text;
using CsvHelper;
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
/// archive's tracking record: CSV in UTF-8 with BOM, or an XLSX workbook with one sheet. The file
/// is written to a temporary file batch by batch (memory stays flat) and then streamed out; the
/// temporary file goes when the response is sent.
/// </summary>
public static class TicketExport
{
    private const int BatchSize = 500;

    public static async Task<IResult> Export([AsParameters] TicketListQuery query, [FromQuery] string? format, HttpContext http,
        SupportFlowDbContext db, SlaSettings sla, OrganizationTime org, TimeProvider clock, CancellationToken ct)
    {
        var export = await WriteAsync(query, format, http.User.ToActor(), db, sla, org, clock, ct);
        return TypedResults.File(export.File, export.ContentType, export.Name);
    }

    /// <summary>The export as a file that deletes itself when closed; the console's Export link serves it too.</summary>
    internal static async Task<(FileStream File, string ContentType, string Name)> WriteAsync(TicketListQuery query, string? format,
        Actor actor, SupportFlowDbContext db, SlaSettings sla, OrganizationTime org, TimeProvider clock, CancellationToken ct)
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
        var path = Path.Combine(Path.GetTempPath(), $"supportflow-export-{Guid.NewGuid():N}.{kind}");
        try
        {
            if (kind == "csv")
            {
                await WriteCsvAsync(path, records, ct);
            }
            else
            {
                await WriteXlsxAsync(path, records);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var name = $"tickets-{org.Local(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{kind}";
        return (file, kind == "csv" ? "text/csv; charset=utf-8" : XlsxPackage.ContentType, name);
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

    private static async Task WriteCsvAsync(string path, IAsyncEnumerable<TrackingRecord> records, CancellationToken ct)
    {
        await using var file = new StreamWriter(path, false, new UTF8Encoding(true));
        await using var csv = new CsvWriter(file, CultureInfo.InvariantCulture);
        foreach (var header in TrackingColumns.Headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var record in records.WithCancellation(ct))
        {
            foreach (var value in record.Values)
            {
                csv.WriteField(value);
            }

            await csv.NextRecordAsync();
        }
    }

    private static async Task WriteXlsxAsync(string path, IAsyncEnumerable<TrackingRecord> records)
    {
        var sheetPath = path + ".sheet";
        try
        {
            await using (var sheetFile = File.Create(sheetPath))
            using (var sheet = new XlsxSheetWriter(sheetFile))
            {
                sheet.WriteHeader(TrackingColumns.Headers);
                await foreach (var record in records)
                {
                    sheet.WriteRow(MonthlyArchive.Cells(record.Values));
                }
            }

            await using var xlsx = File.Create(path);
            await using var xml = File.OpenRead(sheetPath);
            XlsxPackage.Write(xlsx, [("Tickets", xml)]);
        }
        finally
        {
            File.Delete(sheetPath);
        }
    }
}
