using SupportFlow.Localization;
using SupportFlow.Archive;

namespace SupportFlow.Tickets;

/// <summary>A problem with one row of an imported file: its row number as a spreadsheet shows it (header = 1).</summary>
public sealed record ImportRowError(int Row, string Column, string Field, string Message);

/// <summary>
/// Which column of an imported CSV file feeds which field of a report. Without a mapping, a column
/// whose header is a field's name (<c>title</c>), or a header of SupportFlow's own exports and
/// archives (<c>标题 Title</c>, or either half of it), feeds that field; <c>--map Column=field</c>
/// (API: <c>map</c>) names or overrides one. Other columns (number, status, SLA...) are ignored:
/// an import records new reports, so what happened to them elsewhere is not replayed.
/// </summary>
public sealed class ImportMapping
{
    /// <summary>The fields an import fills, in the order of a report.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "title", "description", "occurredAt", "receivedAt", "module", "impact", "priority", "channel",
        "reporter", "department", "contact", "phone", "email", "reporterLogin",
    ];

    private readonly Dictionary<string, int> _columnOf;

    private ImportMapping(IReadOnlyList<string> headers, Dictionary<string, int> columnOf)
    {
        Headers = headers;
        _columnOf = columnOf;
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Headers that feed no field.</summary>
    public IEnumerable<string> Ignored => Headers.Where((_, i) => !_columnOf.ContainsValue(i));

    /// <summary>The mapping for <paramref name="headers"/> with explicit <c>column=field</c> pairs; problems keyed by "map".</summary>
    public static ImportMapping Create(IReadOnlyList<string> headers, IEnumerable<string> pairs, List<LocalizedMessage> problems)
    {
        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            if (FieldOfHeader(headers[i]) is { } field && !columnOf.ContainsKey(field))
            {
                columnOf[field] = i;
            }
        }

        foreach (var pair in pairs.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var split = pair.LastIndexOf('=');
            var column = split > 0 ? pair[..split].Trim() : "";
            var field = split > 0 ? Fields.FirstOrDefault(f => f.Equals(pair[(split + 1)..].Trim(), StringComparison.OrdinalIgnoreCase)) : null;
            var index = headers.ToList().FindIndex(h => h.Trim().Equals(column, StringComparison.OrdinalIgnoreCase));
            if (split <= 0)
            {
                problems.Add(new("'{0}' is not column=field, e.g. 问题描述=description.", pair));
            }
            else if (field is null)
            {
                problems.Add(new("'{0}': unknown field; use one of {1}.", pair, string.Join(", ", Fields)));
            }
            else if (index < 0)
            {
                problems.Add(new("'{0}': the file has no column '{1}'; its columns are {2}.", pair, column, string.Join(", ", headers)));
            }
            else
            {
                foreach (var other in columnOf.Where(kv => kv.Value == index).Select(kv => kv.Key).ToList())
                {
                    columnOf.Remove(other);
                }

                columnOf[field] = index;
            }
        }

        return new ImportMapping(headers, columnOf);
    }

    /// <summary>The row's value for <paramref name="field"/>, trimmed; null when unmapped or empty.</summary>
    public string? Value(IReadOnlyList<string> row, string field) =>
        _columnOf.TryGetValue(field, out var i) && i < row.Count && row[i].Trim() is { Length: > 0 } value ? value : null;

    /// <summary>The header of the column feeding <paramref name="field"/>, for error reports.</summary>
    public string ColumnOf(string field) => _columnOf.TryGetValue(field, out var i) ? Headers[i] : "(no column)";

    private static string? FieldOfHeader(string header)
    {
        var text = header.Trim();
        if (Fields.FirstOrDefault(f => f.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } direct)
        {
            return direct;
        }

        foreach (var column in TrackingColumns.All.Where(c => Fields.Contains(c.Key)))
        {
            var space = column.Header.IndexOf(' ', StringComparison.Ordinal);
            if (text.Equals(column.Header, StringComparison.OrdinalIgnoreCase)
                || text.Equals(column.Header[..space], StringComparison.Ordinal)
                || text.Equals(column.Header[(space + 1)..], StringComparison.OrdinalIgnoreCase))
            {
                return column.Key;
            }
        }

        return null;
    }
}
