using System.Globalization;
using System.Text;
using CsvHelper;
using SupportFlow.Reports;
using SupportFlow.Server.Spreadsheets;

namespace SupportFlow.Server.Reports;

/// <summary>
/// Writes a report's tables as CSV (UTF-8 with a byte-order mark, so Excel shows Chinese; a
/// report of several tables writes each with its name and header row, a blank line between) or
/// as an XLSX workbook with one sheet per table.
/// </summary>
public static class ReportExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The report as a file in <paramref name="format"/> (csv or xlsx), named <c>report-volume-2026-05-01-2026-05-31.csv</c>.</summary>
    public static (byte[] Content, string ContentType, string FileName) File<T>(T report, ReportPeriod period, ReportFormat format)
        where T : IReport
    {
        var name = $"report-{T.Name}-{VolumeReport.Day(period.From)}-{VolumeReport.Day(period.To)}";
        return format == ReportFormat.Xlsx
            ? (Xlsx(report.Tables()), XlsxPackage.ContentType, name + ".xlsx")
            : (Csv(report.Tables()), CsvContentType, name + ".csv");
    }

    public static byte[] Csv(IReadOnlyList<ReportTable> tables)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            for (var i = 0; i < tables.Count; i++)
            {
                if (tables.Count > 1)
                {
                    if (i > 0)
                    {
                        csv.NextRecord();
                    }

                    csv.WriteField(tables[i].Name);
                    csv.NextRecord();
                }

                Row(csv, tables[i].Headers);
                foreach (var row in tables[i].Rows)
                {
                    Row(csv, row.Select(Text).ToList());
                }
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Xlsx(IReadOnlyList<ReportTable> tables)
    {
        var sheets = new List<(string Name, Stream Xml)>();
        try
        {
            foreach (var table in tables)
            {
                var xml = new MemoryStream();
                using (var sheet = new XlsxSheetWriter(xml))
                {
                    sheet.WriteHeader(table.Headers);
                    foreach (var row in table.Rows)
                    {
                        sheet.WriteRow(row);
                    }
                }

                xml.Position = 0;
                sheets.Add((SheetName(table.Name), xml));
            }

            using var workbook = new MemoryStream();
            XlsxPackage.Write(workbook, sheets);
            return workbook.ToArray();
        }
        finally
        {
            foreach (var (_, xml) in sheets)
            {
                xml.Dispose();
            }
        }
    }

    private static void Row(CsvWriter csv, IReadOnlyList<string?> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Excel's sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c)]);
        return clean.Length <= 31 ? clean : clean[..31];
    }
}
