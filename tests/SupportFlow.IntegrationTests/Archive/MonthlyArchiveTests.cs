using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SupportFlow.Archive;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using SupportFlow.Server.Archive;
using static SupportFlow.IntegrationTests.Tickets.TicketTestKit;

namespace SupportFlow.IntegrationTests.Archive;

/// <summary>
/// <c>archive/2026-05/</c> of a desk with Chinese tickets: a closed one with the whole lifecycle and an
/// attachment, an untouched one, one received on 30 April 23:30 in Shanghai (April's) and one in June.
/// </summary>
public sealed class MonthlyArchiveTests : IAsyncLifetime
{
    private Desk _desk = null!;
    private string _closed = "";
    private string _fresh = "";

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        _closed = await _desk.ReportAsync(change: b =>
        {
            b["title"] = "销售模块登录失败";
            b["description"] = "登录时提示“验证码错误”,尝试刷新后无效;\n第二行, \"引号\"";
            b["impact"] = "无法下订单,导致销售流程停滞";
        });
        await Ok(_desk.Supervisor.Act(_closed, "assign", new { assignee = "eng1" }));
        await Ok(_desk.Engineer.Act(_closed, "start"));
        await Ok(_desk.Engineer.Act(_closed, "worklog", new { text = "检查日志发觉数据库连接超时", method = "remote" }));
        Assert.Equal(HttpStatusCode.Created,
            (await AttachmentTests.UploadAsync(_desk.Engineer, _closed, Encoding.UTF8.GetBytes("数据库连接超时 log"), "日志.txt")).StatusCode);
        await Ok(_desk.Engineer.Act(_closed, "resolve", new { solution = "调整连接池参数,重启服务", cause = "连接池配置不当", verification = "remote" }));
        await Ok(_desk.Alice.Act(_closed, "confirm", new { resolved = true, comment = "已测试,登录正常,问题解决", rating = 5 }));
        await Ok(_desk.Engineer.Act(_closed, "close", new { cause = "数据库连接池配置不当", solution = "调整连接池参数,重启服务" }));
        _fresh = await _desk.ReportAsync(_desk.Bob, b => b["priority"] = "P3");
        await _desk.ReportAsync(_desk.Engineer, b =>
        {
            b["receivedAt"] = "2026-04-30T23:30+08:00";
            b["occurredAt"] = "2026-04-30T23:00+08:00";
            b["reporter"] = new JsonObject { ["name"] = "张三", ["department"] = "财务部" };
        });
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task TheMonthsTicketsReadBackFromCsvAndXlsxFieldByFieldWithChineseIntact()
    {
        var result = await _desk.App.ArchiveAsync(ArchiveKit.May);
        var folder = _desk.App.Folder(ArchiveKit.May);
        Assert.Equal(folder, result.Folder);

        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, MonthlyArchive.Csv));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // the BOM: Excel reads the file as UTF-8
        var csv = ArchiveKit.ReadCsv(Path.Combine(folder, MonthlyArchive.Csv));
        var sheet = ArchiveKit.ReadSheet(Path.Combine(folder, MonthlyArchive.Xlsx), "Tickets");

        Assert.Equal(TrackingColumns.Headers, csv[0]);
        Assert.Equal(csv[0], sheet[0]);
        Assert.Equal([_closed, _fresh], csv.Skip(1).Select(r => r[0])); // April's and June's tickets are not May's
        Assert.Equal(csv.Count, sheet.Count);
        for (var row = 1; row < csv.Count; row++)
        {
            for (var column = 0; column < csv[0].Length; column++)
            {
                Assert.True(csv[row][column] == sheet[row][column],
                    $"{csv[0][column]} of {csv[row][0]}: CSV '{csv[row][column]}', XLSX '{sheet[row][column]}'");
            }
        }

        var closed = Row(csv, _closed);
        Assert.Equal("2026-05-20 14:30:00", closed["报修时间 Received"]);
        Assert.Equal(Desk.AliceName, closed["报修人 Reporter"]);
        Assert.Equal(Desk.SalesDepartment, closed["部门 Department"]);
        Assert.Equal("1001 alice@example.com", closed["联系方式 Contact"]);
        Assert.Equal(Desk.SalesModule, closed["问题所属模块 Module"]);
        Assert.Equal("登录时提示“验证码错误”,尝试刷新后无效;\n第二行, \"引号\"", closed["问题描述 Description"]);
        Assert.Equal("无法下订单,导致销售流程停滞", closed["影响范围 Impact"]);
        Assert.Equal("P2", closed["紧急程度 Priority"]);
        Assert.Equal(Desk.EngineerName, closed["处理负责人 Owner"]);
        Assert.Equal("closed", closed["状态 Status"]);
        Assert.Equal("数据库连接池配置不当", closed["原因 Cause"]);
        Assert.Equal("调整连接池参数,重启服务", closed["解决方案 Solution"]);
        Assert.Equal("已测试,登录正常,问题解决", closed["处理结果确认 Confirmation"]);
        Assert.Equal("5", closed["满意度 Rating"]);
        Assert.Equal("2026-05-20 14:30:00", closed["关闭时间 Closed"]);
        Assert.Equal("2026-05-20 14:40:00", closed["分派时限 Assignment due"]); // P2: 10 minutes
        Assert.Equal("2026-05-20 14:30:00", closed["分派达成 Assignment met"]);
        Assert.Equal("false", closed["分派超时 Assignment breached"]);
        var fresh = Row(csv, _fresh);
        Assert.Equal("new", fresh["状态 Status"]);
        Assert.Equal("", fresh["处理负责人 Owner"]);
        Assert.Equal("", fresh["关闭时间 Closed"]);

        // History: every line of each ticket, in both the History sheet and the JSON Lines.
        var history = ArchiveKit.ReadSheet(Path.Combine(folder, MonthlyArchive.Xlsx), "History");
        var apiHistory = await _desk.HistoryAsync(_closed);
        var sheetLines = history.Skip(1).Where(r => r[0] == _closed).ToList();
        Assert.Equal(apiHistory.Count, sheetLines.Count);
        Assert.Contains(sheetLines, r => r[8] == "检查日志发觉数据库连接超时" && r[9] == "remote" && r[10] == "false");
        var jsonl = (await File.ReadAllLinesAsync(Path.Combine(folder, MonthlyArchive.Jsonl))).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, jsonl.Count);
        var closedJson = jsonl.Single(j => j.Str("number") == _closed);
        Assert.Equal(apiHistory.Count, closedJson["history"]!.AsArray().Count);
        for (var column = 0; column < TrackingColumns.All.Count; column++)
        {
            Assert.Equal(closed[csv[0][column]], closedJson[TrackingColumns.All[column].Key]?.GetValue<string>() ?? "");
        }

        // The attachment, byte for byte, and a manifest that verifies.
        var attachment = closedJson["attachments"]!.AsArray().Single()!;
        Assert.Equal("日志.txt", attachment.Str("fileName"));
        Assert.Equal("数据库连接超时 log", await File.ReadAllTextAsync(Path.Combine(folder, attachment.Str("path"))));
        Assert.Empty(_desk.App.Verify(ArchiveKit.May));
        Assert.Equal(2, result.Manifest.Tickets);
        Assert.Equal(apiHistory.Count + (await _desk.HistoryAsync(_fresh)).Count, result.Manifest.HistoryLines);
        Assert.Equal(
            new[] { attachment.Str("path"), MonthlyArchive.Csv, MonthlyArchive.Jsonl, MonthlyArchive.Xlsx }.Order(StringComparer.Ordinal),
            result.Manifest.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARerunReplacesTheArchiveAndACrashMidRunLeavesThePreviousOneIntact()
    {
        await _desk.App.ArchiveAsync(ArchiveKit.May);
        var folder = _desk.App.Folder(ArchiveKit.May);
        var before = await File.ReadAllBytesAsync(Path.Combine(folder, ArchiveManifest.FileName));
        var third = await _desk.ReportAsync(_desk.Bob);

        // The process dies after the tickets were written and before the workbook and manifest were.
        await Assert.ThrowsAsync<IOException>(() => _desk.App.ArchiveAsync(ArchiveKit.May,
            new Crash(after: 1)));
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(folder, ArchiveManifest.FileName)));
        Assert.Empty(_desk.App.Verify(ArchiveKit.May));
        Assert.DoesNotContain(third, await File.ReadAllTextAsync(Path.Combine(folder, MonthlyArchive.Csv)));
        var archiveRoot = Path.GetDirectoryName(folder)!;
        Assert.Single(Directory.GetDirectories(archiveRoot, ".2026-05.writing-*")); // what the crash left behind

        var rerun = await _desk.App.ArchiveAsync(ArchiveKit.May);
        Assert.Equal(3, rerun.Manifest.Tickets);
        Assert.Contains(third, await File.ReadAllTextAsync(Path.Combine(folder, MonthlyArchive.Csv)));
        Assert.Empty(_desk.App.Verify(ArchiveKit.May));
        Assert.Empty(Directory.GetDirectories(archiveRoot, ".2026-05.*"));
    }

    [Fact]
    public async Task AnArchiveMovedAsideByACrashDuringTheSwapComesBack()
    {
        await _desk.App.ArchiveAsync(ArchiveKit.May);
        var folder = _desk.App.Folder(ArchiveKit.May);
        var aside = Path.Combine(Path.GetDirectoryName(folder)!, ".2026-05.replaced-crashed");
        Directory.Move(folder, aside); // the first of the swap's two renames, then the crash

        Assert.Empty(_desk.App.Verify(ArchiveKit.May));
        Assert.True(Directory.Exists(folder));
        Assert.False(Directory.Exists(aside));
    }

    private static Dictionary<string, string> Row(List<string[]> csv, string number)
    {
        var row = csv.Single(r => r[0] == number);
        return csv[0].Zip(row).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>Stands for the process dying: fails the run at the given progress report.</summary>
    private sealed class Crash(int after) : IProgress<ArchiveProgress>
    {
        public void Report(ArchiveProgress value)
        {
            if (value.Done >= after)
            {
                throw new IOException("The process died here.");
            }
        }
    }
}
