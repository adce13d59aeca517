using SupportFlow.Localization;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Spreadsheets;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>What an import did, or (dry run) would do.</summary>
public sealed record ImportResult(bool DryRun, IReadOnlyList<string> Numbers, IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// Records tickets from a CSV file (<c>POST /api/tickets/import</c>, <c>tickets import</c>): each
/// row is one report, checked by the same rules as <c>POST /api/tickets</c> and numbered from its
/// own receivedAt day, with a history line "imported" naming the file and row. All rows go in one
/// transaction: when any row is bad, or on a dry run, it is rolled back and nothing is written.
/// Times without an offset (as exports and archives write them) are the organisation's time.
/// Imported tickets notify nobody.
/// </summary>
public sealed class TicketImport(SupportFlowDbContext db, TicketReception reception, OrganizationTime org, TimeProvider clock)
{
    public const int MaxRows = 20_000;
    private const int MaxErrors = 500;
    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"];

    /// <summary>Bad mappings or an unreadable file are a <see cref="RequestValidationException"/> (field <c>file</c> or <c>map</c>).</summary>
    public async Task<ImportResult> ImportAsync(Actor actor, Stream csvFile, string fileName, IEnumerable<string> map, bool dryRun,
        CancellationToken ct)
    {
        var (headers, rows) = await ReadAsync(csvFile, ct);
        var problems = new List<LocalizedMessage>();
        var mapping = ImportMapping.Create(headers, map, problems);
        if (problems.Count > 0)
        {
            throw new RequestValidationException(new Dictionary<string, IReadOnlyList<LocalizedMessage>> { ["map"] = problems });
        }

        var errors = new List<ImportRowError>();
        var numbers = new List<string>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (row, values) in rows)
        {
            if (errors.Count >= MaxErrors)
            {
                break;
            }

            var request = Request(mapping, values, actor, row, errors);
            if (request is null)
            {
                continue;
            }

            try
            {
                var ticket = await reception.ReceiveAsync(actor, request, ct, notify: false);
                ticket.RecordImport(actor, now, new LocalizedMessage("Imported from {0}, row {1}.", fileName, row));
                await db.SaveChangesAsync(ct);
                numbers.Add(ticket.Number);
                db.ChangeTracker.Clear(); // a large file must not keep every ticket tracked
            }
            catch (RequestValidationException e)
            {
                errors.AddRange(e.Errors.SelectMany(kv => kv.Value.Select(message =>
                {
                    var field = kv.Key.StartsWith("reporter.", StringComparison.Ordinal) ? ReporterField(kv.Key) : kv.Key;
                    return new ImportRowError(row, mapping.ColumnOf(field), field, message);
                })));
            }
        }

        if (errors.Count == 0 && !dryRun)
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }

        return new ImportResult(dryRun, errors.Count == 0 ? numbers : [], [.. mapping.Ignored], errors);
    }

    private static string ReporterField(string key) => key switch
    {
        "reporter.name" => "reporter",
        "reporter.login" => "reporterLogin",
        _ => key["reporter.".Length..],
    };

    private CreateTicketRequest? Request(ImportMapping mapping, IReadOnlyList<string> row, Actor actor, int number,
        List<ImportRowError> errors)
    {
        var before = errors.Count;
        var receivedAt = Time(mapping, row, "receivedAt", number, errors);
        var occurredAt = Time(mapping, row, "occurredAt", number, errors) ?? receivedAt
            ?? org.Local(clock.GetUtcNow()).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
        var name = mapping.Value(row, "reporter");
        var (phone, email) = Contact(mapping, row);
        var login = mapping.Value(row, "reporterLogin");
        var department = mapping.Value(row, "department");
        if (name is null && (login is not null || department is not null || phone is not null || email is not null))
        {
            errors.Add(new ImportRowError(number, mapping.ColumnOf("reporter"), "reporter", "The reporter's name is required when the row names a department or contact."));
        }
        else if (name is null && actor.UserId is null)
        {
            errors.Add(new ImportRowError(number, mapping.ColumnOf("reporter"), "reporter", "reporter is required: the name of who reported the problem."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new CreateTicketRequest(
            mapping.Value(row, "title"), mapping.Value(row, "description"), occurredAt, receivedAt, mapping.Value(row, "module"),
            mapping.Value(row, "impact"), mapping.Value(row, "priority"), mapping.Value(row, "channel") ?? "api",
            name is null ? null : new ReporterRequest(login, name, department, phone, email));
    }

    /// <summary>An ISO time with offset as it is; a time without one is the organisation's wall-clock time.</summary>
    private string? Time(ImportMapping mapping, IReadOnlyList<string> row, string field, int number, List<ImportRowError> errors)
    {
        if (mapping.Value(row, field) is not { } text)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var offset = org.Zone.GetUtcOffset(local);
            return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && text.Contains('T', StringComparison.Ordinal))
        {
            return text;
        }

        errors.Add(new ImportRowError(number, mapping.ColumnOf(field), field,
            $"'{text}' is not a time: use 2026-05-20 14:30 (organisation time) or ISO 8601 with offset, 2026-05-20T14:30+08:00."));
        return null;
    }

    /// <summary>Phone and e-mail from their own columns, else from a contact column ("1001 alice@example.com").</summary>
    private static (string? Phone, string? Email) Contact(ImportMapping mapping, IReadOnlyList<string> row)
    {
        var parts = (mapping.Value(row, "contact") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (mapping.Value(row, "phone") ?? NullIfEmpty(string.Join(" ", parts.Where(p => !p.Contains('@', StringComparison.Ordinal)))),
            mapping.Value(row, "email") ?? parts.FirstOrDefault(p => p.Contains('@', StringComparison.Ordinal)));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>The header and the non-blank rows, each with its row number as a spreadsheet shows it (the header is row 1).</summary>
    private static async Task<(List<string> Headers, List<(int Row, string[] Values)> Rows)> ReadAsync(Stream file, CancellationToken ct)
    {
        // Strict UTF-8: a binary file (a spreadsheet not saved as CSV, a picture) is refused, not read as an empty list.
        using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        var rows = new List<(int Row, string[] Values)>();
        try
        {
            if (!await csv.ReadAsync())
            {
                throw Invalid("The file is empty: the first line must name the columns.");
            }

            NotBinary(csv.Parser.Record!);
            var headers = csv.Parser.Record!.Select(CsvCells.Unescape).ToList();
            while (await csv.ReadAsync())
            {
                ct.ThrowIfCancellationRequested();
                if (rows.Count == MaxRows)
                {
                    throw Invalid("The file has more than {0} rows: split it.", MaxRows);
                }

                NotBinary(csv.Parser.Record!);
                if (csv.Parser.Record!.Any(v => v.Trim().Length > 0))
                {
                    rows.Add((csv.Parser.Row, [.. csv.Parser.Record!.Select(CsvCells.Unescape)]));
                }
            }

            return (headers, rows);
        }
        catch (CsvHelperException e) when (e.InnerException is DecoderFallbackException)
        {
            throw Invalid(NotText);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(NotText);
        }
        catch (CsvHelperException e)
        {
            throw Invalid("The file is not CSV this import can read: {0}", e.Message.Split('\n')[0]);
        }
    }

    private const string NotText = "The file is not a CSV text file: save the sheet as CSV (UTF-8) and send that file.";

    /// <summary>Text never holds NUL: a file that does is binary even where its bytes happen to be valid UTF-8.</summary>
    private static void NotBinary(string[] record)
    {
        if (record.Any(v => v.Contains('\0', StringComparison.Ordinal)))
        {
            throw Invalid(NotText);
        }
    }

    private static RequestValidationException Invalid(string key, params object?[] args) => new("file", key, args);
}
