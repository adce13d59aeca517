using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportFlow.Reports;
using SupportFlow.Server.Spreadsheets;

namespace SupportFlow.Server.Reports;

/// <summary>
/// Writes a report's tables as CSV (UTF-8 with a byte-order mark, so Excel shows Chinese; a
/// report of several tables writes each with its name and header row, a blank line between) or
/// as an XLSX workbook with one sheet per table, streamed into the response.
/// </summary>
public static class ReportExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The report as a file in <paramref name="format"/> (csv or xlsx), named <c>report-volume-2026-05-01-2026-05-31.csv</c>.</summary>
    public static IResult File<T>(T report, ReportPeriod period, ReportFormat format) where T : IReport =>
        format == ReportFormat.Xlsx ? Xlsx(report, period) : Csv(report, period);

    public static FileContentHttpResult Csv<T>(T report, ReportPeriod period) where T : IReport =>
        TypedResults.File(Csv(report.Tables()), CsvContentType, FileName<T>(period) + ".csv");

    /// <summary>One sheet per table, streamed into the response.</summary>
    public static XlsxDownload Xlsx<T>(T report, ReportPeriod period) where T : IReport =>
        new(FileName<T>(period) + ".xlsx", async (workbook, ct) =>
        {
            foreach (var table in report.Tables())
            {
                await workbook.StartSheetAsync(SheetName(table.Name), table.Headers, ct);
                foreach (var row in table.Rows)
                {
                    await workbook.AddRowAsync(row, ct);
                }
            }
        });

    private static string FileName<T>(ReportPeriod period) where T : IReport =>
        $"report-{T.Name}-{VolumeReport.Day(period.From)}-{VolumeReport.Day(period.To)}";

    public static byte[] Csv(IReadOnlyList<ReportTable> tables)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvCells.Writer(text))
        {
            for (var i = 0; i < tables.Count; i++)
            {
                if (tables.Count > 1)
                {
                    if (i > 0)
                    {
                        csv.NextRecord();
                    }

                    csv.WriteCell(tables[i].Name);
                    csv.NextRecord();
                }

                csv.WriteRow(tables[i].Headers);
                csv.NextRecord();
                foreach (var row in tables[i].Rows)
                {
                    foreach (var value in row)
                    {
                        csv.WriteCell(value);
                    }

                    csv.NextRecord();
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Excel's sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c)]);
        return clean.Length <= 31 ? clean : clean[..31];
    }
}
