using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Archive;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Archive;

namespace SupportFlow.IntegrationTests.Archive;

/// <summary>Runs the archive in the test's server and reads its files back with independent readers (CsvHelper, ClosedXML).</summary>
public static class ArchiveKit
{
    public static readonly ArchiveMonth May = new(2026, 5);

    public static async Task<ArchiveResult> ArchiveAsync(this SupportFlowApp app, ArchiveMonth month,
        IProgress<ArchiveProgress>? progress = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ArchiveRunner>()
            .RunAsync(month, "test", again: true, progress, CancellationToken.None);
        Assert.NotNull(result);
        return result;
    }

    public static string Folder(this SupportFlowApp app, ArchiveMonth month) =>
        Path.Combine(app.DataDirectory, "archive", month.ToString());

    public static IReadOnlyList<string> Verify(this SupportFlowApp app, ArchiveMonth month) =>
        new ArchiveFolders(Path.Combine(app.DataDirectory, "archive")).Verify(month, out _);

    /// <summary>Header and rows of a CSV file, every field as text ("" for empty).</summary>
    public static List<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Parser.Record!);
        }

        return rows;
    }

    /// <summary>Header and rows of one sheet, every cell as text ("" for empty).</summary>
    public static List<string[]> ReadSheet(string path, string sheet)
    {
        using var workbook = new XLWorkbook(path);
        var worksheet = workbook.Worksheet(sheet);
        var used = worksheet.RangeUsed();
        var rows = new List<string[]>();
        if (used is null)
        {
            return rows;
        }

        var columns = used.LastColumn().ColumnNumber();
        for (var r = 1; r <= used.LastRow().RowNumber(); r++)
        {
            rows.Add([.. Enumerable.Range(1, columns).Select(c => worksheet.Cell(r, c).GetString())]);
        }

        return rows;
    }
}
