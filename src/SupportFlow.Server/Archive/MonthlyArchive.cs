using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Archive;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Spreadsheets;
using SupportFlow.Server.Tickets;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Archive;

/// <summary>How far a month's archive has come: tickets written of the month's total.</summary>
public readonly record struct ArchiveProgress(int Done, int Total);

public sealed record ArchiveResult(ArchiveMonth Month, string Folder, ArchiveManifest Manifest, string ManifestSha256)
{
    /// <summary>Written before the month ended: tickets may still arrive, so the scheduled job writes it again after month end.</summary>
    public bool Provisional { get; init; }
}

/// <summary>
/// Writes <c>archive/YYYY-MM/</c>: the month's tickets (by receivedAt in the organisation's zone)
/// as <c>tickets.csv</c> (UTF-8 with BOM, so Excel shows Chinese), <c>tickets.xlsx</c> (sheets
/// Tickets and History), <c>tickets.jsonl</c> (one ticket per line with its whole history, SLA
/// events and attachments), <c>attachments/NUMBER/ID-NAME</c>, and <c>manifest.json</c> with the
/// SHA-256 of every file. Tickets are read in keyset batches without tracking and every file is
/// written as it goes (the workbook by SpreadCheetah), so memory stays flat however large the month.
/// </summary>
public sealed class MonthlyArchive(
    SupportFlowDbContext db, SlaSettings sla, OrganizationTime org, TimeProvider clock, IOptions<SupportFlowOptions> options)
{
    public const string Csv = "tickets.csv";
    public const string Xlsx = "tickets.xlsx";
    public const string Jsonl = "tickets.jsonl";
    public const string AttachmentsFolder = "attachments";
    private const int BatchSize = 500;

    public ArchiveFolders Folders { get; } = new(options.Value.Archive.ResolveFolder(options.Value.DataPath));

    public async Task<ArchiveResult> WriteAsync(ArchiveMonth month, IProgress<ArchiveProgress>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var temp = Folders.NewTemporary(month);
        var historySpool = Path.Combine(temp, ".history.csv");
        Written written;
        await using (var xlsxFile = File.Create(Path.Combine(temp, Xlsx)))
        await using (var workbook = await XlsxWorkbook.CreateAsync(xlsxFile, ct))
        {
            await workbook.StartSheetAsync("Tickets", TrackingColumns.Headers, ct);
            written = await WriteTicketsAsync(month, now, temp, workbook, historySpool, progress, ct);
            await workbook.StartSheetAsync("History", HistoryColumns.All.Select(c => c.Header), ct);
            await CopyHistoryAsync(historySpool, workbook, ct);
            await workbook.FinishAsync(ct);
        }

        File.Delete(historySpool);
        var manifest = new ArchiveManifest(month.ToString(), org.Local(now), org.Zone.Id, written.Tickets, written.Lines,
            written.Attachments, ArchiveFolders.Checksums(temp));
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ArchiveFolders.Json);
        await using (var manifestFile = File.Create(Path.Combine(temp, ArchiveManifest.FileName)))
        {
            await manifestFile.WriteAsync(manifestBytes, ct);
            manifestFile.Flush(flushToDisk: true);
        }

        Folders.Replace(month, temp);
        return new ArchiveResult(month, Folders.Final(month), manifest, Convert.ToHexStringLower(SHA256.HashData(manifestBytes)))
        {
            Provisional = !ArchiveSchedule.HasEnded(month, now, org.Zone),
        };
    }

    private sealed record Written(int Tickets, int Lines, int Attachments);

    /// <summary>
    /// One pass over the month's tickets: the CSV, the JSON Lines, the attachments and the workbook's
    /// Tickets sheet. The workbook is written one sheet after the other, so the History sheet's rows
    /// wait in <paramref name="historySpool"/> (a CSV beside the archive's files, deleted before the manifest).
    /// </summary>
    private async Task<Written> WriteTicketsAsync(ArchiveMonth month, DateTimeOffset now, string temp, XlsxWorkbook workbook,
        string historySpool, IProgress<ArchiveProgress>? progress, CancellationToken ct)
    {
        var (from, to) = (month.Start(org.Zone), month.End(org.Zone));
        var calendar = await sla.CalendarAsync(ct);
        var total = await db.Tickets.CountAsync(t => t.ReceivedAt >= from && t.ReceivedAt < to, ct);
        var attachmentsRoot = AttachmentStorage.Root(options.Value);
        int tickets = 0, lines = 0, attachments = 0;

        await using var csvFile = new StreamWriter(Path.Combine(temp, Csv), false, new UTF8Encoding(true));
        await using var csv = CsvCells.Writer(csvFile);
        await using var jsonl = File.Create(Path.Combine(temp, Jsonl));
        await using var spoolFile = new StreamWriter(historySpool, false, new UTF8Encoding(false));
        await using var spool = CsvCells.Writer(spoolFile);
        csv.WriteRow(TrackingColumns.Headers);
        await csv.NextRecordAsync();
        (DateTimeOffset ReceivedAt, long Id)? after = null;
        while (true)
        {
            var batch = await Batch(from, to, after, ct);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(t => t.Id).ToList();
            var history = (await db.TicketHistory.AsNoTracking().Where(h => ids.Contains(h.TicketId))
                .OrderBy(h => h.TicketId).ThenBy(h => h.Id).ToListAsync(ct)).ToLookup(h => h.TicketId);
            var files = (await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.TicketId))
                .OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.TicketId);
            var events = (await db.TicketSlaEvents.AsNoTracking().Where(e => ids.Contains(e.TicketId))
                .OrderBy(e => e.Id).ToListAsync(ct)).ToLookup(e => e.TicketId);

            foreach (var ticket in batch)
            {
                var record = TrackingRecord.From(ticket, ticket.SlaAt(calendar, now), org);
                csv.WriteRow(record.Values);
                await csv.NextRecordAsync();
                await workbook.AddRowAsync(Cells(record.Values), ct);
                foreach (var line in history[ticket.Id])
                {
                    spool.WriteRow(HistoryColumns.Values(ticket.Number, line, org));
                    await spool.NextRecordAsync();
                    lines++;
                }

                var copied = CopyAttachments(ticket.Number, files[ticket.Id], attachmentsRoot, temp);
                attachments += copied.Count;
                WriteJsonLine(jsonl, record, history[ticket.Id], events[ticket.Id], copied);
                tickets++;
            }

            after = (batch[^1].ReceivedAt, batch[^1].Id);
            progress?.Report(new ArchiveProgress(tickets, Math.Max(total, tickets)));
        }

        return new Written(tickets, lines, attachments);
    }

    /// <summary>The History sheet from the spool, row by row; an empty field is an empty cell.</summary>
    private static async Task CopyHistoryAsync(string historySpool, XlsxWorkbook workbook, CancellationToken ct)
    {
        using var text = new StreamReader(historySpool);
        using var spool = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        while (await spool.ReadAsync())
        {
            var row = new object?[spool.Parser.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = spool.GetField(i) is { Length: > 0 } value ? CsvCells.Unescape(value) : null;
            }

            await workbook.AddRowAsync(row, ct);
        }
    }

    private Task<List<Ticket>> Batch(DateTimeOffset from, DateTimeOffset to, (DateTimeOffset ReceivedAt, long Id)? after,
        CancellationToken ct)
    {
        var query = db.Tickets.AsNoTracking().Where(t => t.ReceivedAt >= from && t.ReceivedAt < to);
        if (after is var (receivedAt, id))
        {
            query = query.Where(t => t.ReceivedAt > receivedAt || (t.ReceivedAt == receivedAt && t.Id > id));
        }

        return query.OrderBy(t => t.ReceivedAt).ThenBy(t => t.Id).Take(BatchSize)
            .Include(t => t.Module).Include(t => t.Team).Include(t => t.Assignee).Include(t => t.ClockIntervals)
            .AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>Rating and reopen count stay numbers in the spreadsheet; everything else is text as in the CSV.</summary>
    internal static object?[] Cells(IReadOnlyList<string?> values)
    {
        var cells = new object?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            cells[i] = TrackingColumns.All[i].Key is "rating" or "reopenCount" && int.TryParse(values[i], CultureInfo.InvariantCulture, out var n)
                ? n
                : values[i];
        }

        return cells;
    }

    private sealed record CopiedAttachment(Attachment Attachment, string? Path);

    /// <summary>Copies the ticket's files into the archive; a file missing from the data folder is listed as missing.</summary>
    private static List<CopiedAttachment> CopyAttachments(string number, IEnumerable<Attachment> attachments, string root,
        string temp)
    {
        var copied = new List<CopiedAttachment>();
        foreach (var attachment in attachments)
        {
            var source = Path.Combine(root, attachment.StoredAs);
            if (!File.Exists(source))
            {
                copied.Add(new CopiedAttachment(attachment, null));
                continue;
            }

            var relative = $"{AttachmentsFolder}/{number}/{attachment.Id.ToString(CultureInfo.InvariantCulture)}-{attachment.FileName}";
            var target = Path.Combine(temp, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            copied.Add(new CopiedAttachment(attachment, relative));
        }

        return copied;
    }

    private void WriteJsonLine(Stream output, TrackingRecord record, IEnumerable<TicketHistoryEntry> history,
        IEnumerable<TicketSlaEvent> events, List<CopiedAttachment> attachments)
    {
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            for (var i = 0; i < TrackingColumns.All.Count; i++)
            {
                json.WriteString(TrackingColumns.All[i].Key, record.Values[i]);
            }

            json.WriteStartArray("history");
            foreach (var line in history)
            {
                json.WriteStartObject();
                json.WriteString("at", org.Local(line.At));
                json.WriteString("actorLogin", line.ActorLogin);
                json.WriteString("actorName", line.ActorName);
                json.WriteString("action", line.Action);
                json.WriteString("field", line.Field);
                json.WriteString("oldValue", line.OldValue);
                json.WriteString("newValue", line.NewValue);
                json.WriteString("note", line.Note);
                json.WriteString("method", line.Method is { } method ? WireNames.Of(method) : null);
                json.WriteBoolean("isPublic", line.IsPublic);
                json.WriteBoolean("onBehalfOfReporter", line.OnBehalfOfReporter);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("slaEvents");
            foreach (var e in events)
            {
                json.WriteStartObject();
                json.WriteString("target", e.Target);
                json.WriteString("level", e.Level);
                json.WriteString("dueAt", org.Local(e.DueAt));
                json.WriteString("at", org.Local(e.At));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("attachments");
            foreach (var (attachment, path) in attachments)
            {
                json.WriteStartObject();
                json.WriteString("fileName", attachment.FileName);
                json.WriteString("contentType", attachment.ContentType);
                json.WriteNumber("size", attachment.Size);
                json.WriteString("sha256", attachment.Sha256);
                json.WriteString("uploadedBy", attachment.UploadedBy);
                json.WriteString("uploadedAt", org.Local(attachment.UploadedAt));
                json.WriteString("path", path);
                json.WriteBoolean("missing", path is null);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
