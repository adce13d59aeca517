using System.Globalization;
using System.Text;
using System.Xml;

namespace SupportFlow.Server.Spreadsheets;

/// <summary>
/// Writes one worksheet's XML row by row to a stream, so a sheet of a million rows needs no more
/// memory than one row. Text goes in as inline strings (no shared-string table to hold in memory),
/// numbers as numbers. <see cref="XlsxPackage"/> puts the sheets into a workbook.
/// </summary>
public sealed class XlsxSheetWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly XmlWriter _xml;
    private int _row;

    public XlsxSheetWriter(Stream output)
    {
        _xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false), CloseOutput = false, CheckCharacters = false,
        });
        _xml.WriteStartDocument(standalone: true);
        _xml.WriteStartElement("worksheet", Main);
        _xml.WriteStartElement("sheetViews", Main);
        _xml.WriteStartElement("sheetView", Main);
        _xml.WriteAttributeString("workbookViewId", "0");
        _xml.WriteStartElement("pane", Main); // the header row stays in view while scrolling
        _xml.WriteAttributeString("ySplit", "1");
        _xml.WriteAttributeString("topLeftCell", "A2");
        _xml.WriteAttributeString("activePane", "bottomLeft");
        _xml.WriteAttributeString("state", "frozen");
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteStartElement("sheetData", Main);
    }

    public int Rows => _row;

    /// <summary>The header row, in bold.</summary>
    public void WriteHeader(IEnumerable<string> headers) => WriteRow([.. headers], style: 1);

    /// <summary>A row: strings become text cells, numbers numeric cells, null an empty cell.</summary>
    public void WriteRow(IReadOnlyList<object?> values, int style = 0)
    {
        _row++;
        _xml.WriteStartElement("row", Main);
        _xml.WriteAttributeString("r", _row.ToString(CultureInfo.InvariantCulture));
        for (var column = 0; column < values.Count; column++)
        {
            var value = values[column];
            if (value is null)
            {
                continue;
            }

            _xml.WriteStartElement("c", Main);
            _xml.WriteAttributeString("r", CellName(column, _row));
            if (style != 0)
            {
                _xml.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
            }

            if (value is int or long or double or decimal)
            {
                _xml.WriteElementString("v", Main, Convert.ToString(value, CultureInfo.InvariantCulture));
            }
            else
            {
                _xml.WriteAttributeString("t", "inlineStr");
                _xml.WriteStartElement("is", Main);
                _xml.WriteStartElement("t", Main);
                _xml.WriteAttributeString("xml", "space", null, "preserve");
                _xml.WriteString(XmlSafe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                _xml.WriteEndElement();
                _xml.WriteEndElement();
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    public void Dispose()
    {
        _xml.WriteEndDocument();
        _xml.Flush();
        _xml.Dispose();
    }

    /// <summary>A1-style name of a zero-based column and one-based row.</summary>
    public static string CellName(int column, int row)
    {
        var name = new StringBuilder();
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((c - 1) % 26)));
        }

        return name.Append(row.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>XML 1.0 cannot carry most control characters: they become U+FFFD (the CSV and JSON keep them).</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return safe.ToString();
    }
}
