using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace SupportFlow.Server.Spreadsheets;

/// <summary>
/// SupportFlow's workbooks, written by SpreadCheetah straight into the output stream row by row
/// (memory stays at one buffer however many rows). Every sheet opens with a bold header row that
/// stays in view while scrolling; text is written as text, numbers as numbers, null as an empty
/// cell. SpreadCheetah writes one sheet at a time: a caller finishes a sheet before starting the next.
/// </summary>
public sealed class XlsxWorkbook : IAsyncDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly Spreadsheet _spreadsheet;
    private readonly StyleId _header;

    private XlsxWorkbook(Spreadsheet spreadsheet)
    {
        _spreadsheet = spreadsheet;
        _header = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
    }

    public static async Task<XlsxWorkbook> CreateAsync(Stream output, CancellationToken ct) =>
        // Leading and trailing spaces are part of a title or note: Excel would drop them otherwise.
        new(await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { PreserveStringWhitespace = true }, ct));

    public async ValueTask StartSheetAsync(string name, IEnumerable<string> headers, CancellationToken ct)
    {
        await _spreadsheet.StartWorksheetAsync(name, new WorksheetOptions { FrozenRows = 1 }, ct);
        await _spreadsheet.AddHeaderRowAsync([.. headers], _header, ct);
    }

    public ValueTask AddRowAsync(IReadOnlyList<object?> values, CancellationToken ct)
    {
        var cells = new Cell[values.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = CellOf(values[i]);
        }

        return _spreadsheet.AddRowAsync(cells, ct);
    }

    /// <summary>Writes the workbook's closing parts; without it the file is not a workbook.</summary>
    public ValueTask FinishAsync(CancellationToken ct) => _spreadsheet.FinishAsync(ct);

    public ValueTask DisposeAsync() => _spreadsheet.DisposeAsync();

    // XML cannot carry most control characters: SpreadCheetah leaves them out (the CSV and JSON keep them).
    private static Cell CellOf(object? value) => value switch
    {
        null => new Cell((string?)null),
        string text => new Cell(text),
        int n => new Cell(n),
        long n => new Cell(n),
        double n => new Cell(n),
        decimal n => new Cell(n),
        _ => new Cell(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
