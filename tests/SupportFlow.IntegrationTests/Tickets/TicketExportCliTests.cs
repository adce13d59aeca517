using System.Net;
using SupportFlow.Archive;
using SupportFlow.IntegrationTests.Archive;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// <c>tickets export</c> writes what <c>GET /api/tickets/export</c> answers an admin: the same columns,
/// rows and order, in CSV and XLSX, with the API's filters; bad input is one line and exit 2, and
/// leaves no file behind.
/// </summary>
public sealed class TicketExportCliTests : IAsyncLifetime
{
    /// <summary>The test server's zone, so times are written as it writes them.</summary>
    private const string Zone = "--SupportFlow:Organization:TimeZone=Asia/Shanghai";

    private const string OddTitle = "打印机卡纸 50% ?done #3, \"quoted\"";

    private Desk _desk = null!;
    private string _new = "";
    private string _cancelled = "";
    private string _printer = "";
    private string _out = "";

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        _new = await _desk.ReportAsync();
        _cancelled = await _desk.TicketAtAsync(Stage.Cancelled, _desk.Bob);
        _printer = await _desk.ReportAsync(change: b =>
        {
            b["title"] = OddTitle;
            b["module"] = Desk.Printer;
            b["priority"] = "P3";
        });
        _out = CliProcess.NewFolder("export 导出");
        Directory.CreateDirectory(_out);
    }

    public async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        CliProcess.DeleteQuietly(_out);
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "--status", "new" }, "status=new")]
    [InlineData(new[] { "--status", "cancelled,new", "--priority", "P3" }, "status=cancelled,new&priority=P3")]
    [InlineData(new[] { "--team", Desk.HardwareTeam }, "team={hardware}")]
    [InlineData(new[] { "--module", Desk.SalesModule, "--reporter", "bob" }, "module={sales}&reporter=bob")]
    [InlineData(new[] { "--q", "打印机", "--from", "2026-05-20", "--to", "2026-05-20" }, "q=打印机&from=2026-05-20&to=2026-05-20")]
    public async Task TheCsvHasTheApiExportsColumnsAndRowsForTheSameFilters(string[] filters, string query)
    {
        var file = Path.Combine(_out, "工单 tickets.csv");

        var result = await ExportAsync(["--output", file, .. filters]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = await _desk.Admin.GetAsync("/api/tickets/export?format=csv&" + Desk.Named(query));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var apiFile = Path.Combine(_out, "api.csv");
        await File.WriteAllBytesAsync(apiFile, await api.Content.ReadAsByteArrayAsync());
        var expected = ArchiveKit.ReadCsv(apiFile);
        Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(file))[..3]);
        var written = ArchiveKit.ReadCsv(file);
        Assert.Equal(TrackingColumns.Headers, written[0]);
        Assert.True(expected.Count > 1 || filters.Length > 0, "the unfiltered export found no tickets");
        Assert.Equal(WithoutNowDependentColumns(expected), WithoutNowDependentColumns(written));
        Assert.Contains($"Exported {written.Count - 1} tickets", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XlsxComesFromTheOutputsExtensionOrFormatAndHoldsTheSameRows()
    {
        var byExtension = Path.Combine(_out, "导出.xlsx");
        var byFormat = Path.Combine(_out, "export-file");
        var byFormatRead = byFormat + ".xlsx";

        var first = await ExportAsync(["--output", byExtension]);
        var second = await ExportAsync(["--format", "xlsx", "--output", byFormat, "--status", "new"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var all = ArchiveKit.ReadSheet(byExtension, "Tickets");
        Assert.Equal(TrackingColumns.Headers, all[0]);
        var title = Array.IndexOf(all[0], TrackingColumns.All.Single(c => c.Key == "title").Header);
        Assert.Equal(new[] { _cancelled, _new, _printer }.Order(), all.Skip(1).Select(r => r[0]).Order());
        Assert.Contains(all, r => r[0] == _printer && r[title] == OddTitle);
        Assert.Equal(new[] { _new, _printer }.Order(), ReadSheetOf(byFormat, byFormatRead).Skip(1).Select(r => r[0]).Order());
    }

    [Fact]
    public async Task WithoutOutputItWritesTheApisFileNameInTheWorkingDirectoryAndDashIsStdout()
    {
        var cwd = Path.Combine(_out, "cwd");

        var named = await ExportAsync(["--format", "xlsx"], cwd);
        var piped = await ExportAsync(["--output", "-", "--status", "cancelled"]);

        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Matches(@"^tickets-\d{8}-\d{4}\.xlsx$", Path.GetFileName(Assert.Single(Directory.GetFiles(cwd))));
        Assert.True(piped.ExitCode == 0, piped.ToString());
        var lines = piped.StdoutLines;
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(_cancelled + ",", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--format", "pdf" }, "format:")]
    [InlineData(new[] { "--status", "bogus" }, "status:")]
    [InlineData(new[] { "--from", "yesterday" }, "from:")]
    [InlineData(new[] { "--sla", "late" }, "sla:")]
    public async Task BadInputIsOneLineExitTwoAndNoFile(string[] args, string field)
    {
        var file = Path.Combine(_out, $"bad-{Guid.NewGuid():N}.csv");

        var result = await ExportAsync(["--output", file, .. args]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(field, line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out, "bad-*"));
    }

    private Task<CliResult> ExportAsync(string[] args, string? workingDirectory = null) =>
        CliProcess.RunAsync(["tickets", "export", .. args, Zone], _desk.App.DataDirectory, workingDirectory);

    /// <summary>ClosedXML reads only a file named .xlsx.</summary>
    private static List<string[]> ReadSheetOf(string file, string copy)
    {
        File.Copy(file, copy);
        return ArchiveKit.ReadSheet(copy, "Tickets");
    }

    /// <summary>Whether a target is breached depends on the moment of the export (the test server's clock is fixed, the CLI's is not).</summary>
    private static List<string[]> WithoutNowDependentColumns(List<string[]> rows)
    {
        var keep = TrackingColumns.All.Select((c, i) => (c, i)).Where(x => !x.c.Key.EndsWith("Breached", StringComparison.Ordinal))
            .Select(x => x.i).ToList();
        return rows.Select(r => keep.Select(i => r[i]).ToArray()).ToList();
    }
}
