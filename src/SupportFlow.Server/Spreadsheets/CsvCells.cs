using System.Globalization;
using CsvHelper;

namespace SupportFlow.Server.Spreadsheets;

/// <summary>
/// Every cell of every CSV the product writes (ticket export, monthly archive, reports) goes
/// through <see cref="Safe"/>, so no text a user typed opens as a formula in a spreadsheet
/// (a title "=HYPERLINK(...)" or "+cmd|..."): OWASP's rule, a cell starting with = + - @ tab or
/// CR gets a leading single quote. Cells that already start with quotes before such a character
/// get one more, so <see cref="Unescape"/> (the import) gives back exactly the text written.
/// Numbers the product formats itself are written as they are (a -1 stays a number).
/// </summary>
public static class CsvCells
{
    private const char Escape = '\'';

    public static CsvWriter Writer(TextWriter text) => new(text, CultureInfo.InvariantCulture);

    public static void WriteCell(this CsvWriter csv, string? text) => csv.WriteField(Safe(text));

    public static void WriteCell(this CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case double d:
                csv.WriteField(d.ToString("0.####", CultureInfo.InvariantCulture));
                break;
            case int or long or decimal or float:
                csv.WriteField(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                csv.WriteCell(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString());
                break;
        }
    }

    public static void WriteRow(this CsvWriter csv, IEnumerable<string?> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteCell(cell);
        }
    }

    /// <summary>The text as a cell no spreadsheet reads as a formula.</summary>
    public static string? Safe(string? text) => NeedsEscape(text, 0) ? Escape + text : text;

    /// <summary>A cell as <see cref="Safe"/> wrote it, back to its text (also Excel's own "'=..." for a literal =).</summary>
    public static string Unescape(string cell) => cell.Length > 1 && cell[0] == Escape && NeedsEscape(cell, 1) ? cell[1..] : cell;

    private static bool NeedsEscape(string? text, int from)
    {
        if (text is null)
        {
            return false;
        }

        var i = from;
        while (i < text.Length && text[i] == Escape)
        {
            i++;
        }

        // Quotes alone ("'", "''") are plain text; quotes are escaped only when they lead to a trigger.
        return i < text.Length && text[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
