using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SupportFlow.IntegrationTests.Archive;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// <c>POST /api/tickets/import</c> (and <c>tickets import</c>) from a spreadsheet's CSV, and
/// <c>GET /api/tickets/export</c> read back with CsvHelper and ClosedXML. The fake clock is
/// 2026-05-20 14:30 in Shanghai; the desk has no tickets yet.
/// </summary>
public sealed class ImportExportTests : IAsyncLifetime
{
    private const string Header = "标题,问题描述,报修时间,问题所属模块,影响范围,紧急程度,报修人,部门,联系方式,Remarks";

    private static readonly string Good1 =
        $"\"打印机卡纸, 无法打印\",\"会议室A的打印机显示\"\"纸张卡住\"\"。\n已重启,仍然卡纸\",2026-05-18 09:15:00,{Desk.SalesModule},整个销售部无法打印,P3,张三,财务部,13800001111 zhang@example.com,旧系统#17";

    private static readonly string Good2 =
        $"登录时提示验证码错误,刷新后仍然错误,2026-05-19 16:40,{Desk.SalesModule},销售团队无法下单,P2,李四,销售部,,";

    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task ADryRunWithBadRowsReportsEachRowAndWritesNothingAndSoDoesTheRealImport()
    {
        var file = Csv(Header, Good1,
            $"键盘失灵,按键无反应,2026-05-19 10:00,{Desk.SalesModule},一人,P9,王五,IT,,",
            "显示器闪烁,屏幕闪烁,2026-05-19 11:00,No such module,一人,P4,赵六,IT,,",
            $"鼠标坏了,无法点击,yesterday,{Desk.SalesModule},一人,P4,钱七,IT,,");

        foreach (var dryRun in new[] { true, false })
        {
            var problem = await (await ImportAsync(_desk.Supervisor, file, dryRun: dryRun)).Problem(HttpStatusCode.BadRequest);
            var rows = problem["rows"]!.AsArray().Select(r => (r!["row"]!.GetValue<int>(), r.Str("field"), r.Str("column"))).ToList();
            Assert.Equal([(3, "priority", "紧急程度"), (4, "module", "问题所属模块"), (5, "receivedAt", "报修时间")], rows);
            Assert.Contains("P9", problem["errors"]!["rows[3].priority"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(0, await _desk.TicketCountAsync()); // the good row 2 is not written either
        }

        var fine = await (await ImportAsync(_desk.Supervisor, Csv(Header, Good1, Good2), dryRun: true)).Json(HttpStatusCode.OK);
        Assert.True(fine["dryRun"]!.GetValue<bool>());
        Assert.Equal(2, fine["tickets"]!.GetValue<int>());
        Assert.Equal(["Remarks"], fine["ignoredColumns"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(0, await _desk.TicketCountAsync());
        await (await ImportAsync(_desk.Alice, Csv(Header, Good1))).Problem(HttpStatusCode.Forbidden);
        await (await ImportAsync(_desk.Supervisor, Csv(Header, Good1), map: ["Nope=title"])).FieldError("map");
    }

    [Theory]
    [InlineData("on")]
    [InlineData("1")]
    [InlineData("TRUE")]
    public async Task ACheckboxOrOneMeansADryRunAndWritesNothing(string value)
    {
        foreach (var (form, query) in new[] { (value, ""), ("false", "?dryRun=" + value) })
        {
            var dry = await (await ImportAsync(_desk.Supervisor, Csv(Header, Good1, Good2), form, query)).Json(HttpStatusCode.OK);
            Assert.True(dry["dryRun"]!.GetValue<bool>());
            Assert.Equal(2, dry["tickets"]!.GetValue<int>());
        }

        Assert.Equal(0, await _desk.TicketCountAsync());
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("dry")]
    [InlineData("是")]
    public async Task ADryRunValueThatIsNeitherTrueNorFalseIsRefusedAndWritesNothing(string value)
    {
        var inForm = await (await ImportAsync(_desk.Supervisor, Csv(Header, Good1, Good2), value)).FieldError("dryRun");
        Assert.Contains(value, inForm["errors"]!["dryRun"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await (await ImportAsync(_desk.Supervisor, Csv(Header, Good1), "false", "?dryRun=" + Uri.EscapeDataString(value))).FieldError("dryRun");
        Assert.Equal(0, await _desk.TicketCountAsync());

        var chinese = new HttpRequestMessage(HttpMethod.Post, "/api/tickets/import") { Content = ImportForm(Csv(Header, Good1), value, null) };
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var problem = await (await _desk.Supervisor.SendAsync(chinese)).FieldError("dryRun");
        Assert.Contains("请使用 true 或 false", problem["errors"]!["dryRun"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await _desk.TicketCountAsync());
    }

    [Fact]
    public async Task AnImportThenAnExportRoundTripsChineseTextFieldByField()
    {
        var imported = await (await ImportAsync(_desk.Supervisor, Csv(Header, Good1, Good2))).Json(HttpStatusCode.OK);
        Assert.Equal(["20260518-001", "20260519-001"], imported["numbers"]!.AsArray().Select(n => n!.GetValue<string>()));
        var history = await _desk.HistoryAsync("20260518-001");
        Assert.Contains(history, h => h?["action"]?.GetValue<string>() == "imported"
                                      && (h["note"]?.GetValue<string>() ?? "").Contains("tickets.csv, row 2", StringComparison.Ordinal));

        var csv = await DownloadAsync($"/api/tickets/export?format=csv&module={Uri.EscapeDataString(Desk.SalesModule)}");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Take(3)); // UTF-8 with BOM, for Excel
        var rows = ReadCsv(csv);
        var header = rows[0];
        string Field(string[] row, string column) => row[Array.FindIndex(header, h => h.StartsWith(column + " ", StringComparison.Ordinal))];
        var first = rows.Single(r => r[0] == "20260518-001");
        Assert.Equal("打印机卡纸, 无法打印", Field(first, "标题"));
        Assert.Equal("会议室A的打印机显示\"纸张卡住\"。\n已重启,仍然卡纸", Field(first, "问题描述"));
        Assert.Equal("2026-05-18 09:15:00", Field(first, "报修时间"));
        Assert.Equal("2026-05-18 09:15:00", Field(first, "问题发生时间"));
        Assert.Equal("张三", Field(first, "报修人"));
        Assert.Equal("财务部", Field(first, "部门"));
        Assert.Equal("13800001111 zhang@example.com", Field(first, "联系方式"));
        Assert.Equal(Desk.SalesModule, Field(first, "问题所属模块"));
        Assert.Equal("整个销售部无法打印", Field(first, "影响范围"));
        Assert.Equal("P3", Field(first, "紧急程度"));
        Assert.Equal("api", Field(first, "渠道"));
        var second = rows.Single(r => r[0] == "20260519-001");
        Assert.Equal(["登录时提示验证码错误", "刷新后仍然错误", "2026-05-19 16:40:00", "李四", "销售部", "P2"],
            new[] { "标题", "问题描述", "报修时间", "报修人", "部门", "紧急程度" }.Select(c => Field(second, c)));

        // Filters apply: only the P2 ticket; and the workbook holds the same text.
        var xlsx = await DownloadAsync("/api/tickets/export?format=xlsx&priority=P2");
        var path = Path.Combine(_desk.App.DataDirectory, "export.xlsx");
        await File.WriteAllBytesAsync(path, xlsx);
        var sheet = ArchiveKit.ReadSheet(path, "Tickets");
        Assert.Equal(2, sheet.Count);
        Assert.Equal(["20260519-001", "登录时提示验证码错误"], sheet[1].Take(1).Concat(sheet[1].Skip(7).Take(1)));

        await (await _desk.Supervisor.GetAsync("/api/tickets/export?format=pdf")).FieldError("format");
        Assert.Equal(2, ReadCsv(await DownloadAsync("/api/tickets/export")).Count - 1);
    }

    [Fact]
    public async Task TheCliImportsWithAColumnMapAndRefusesBadRowsWithExitCode2()
    {
        var folder = CliProcess.NewFolder("import");
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "旧系统.csv");
            await File.WriteAllBytesAsync(file, Csv("问题,详情,收到,系统,影响,级别,联系人",
                $"打印机卡纸,会议室A,2026-05-18 09:15,{Desk.SalesModule},销售部,P3,张三"));
            string[] map = ["--map", "问题=title", "详情=description", "收到=receivedAt", "系统=module", "影响=impact", "级别=priority", "联系人=reporter"];

            var dry = await CliProcess.RunAsync(["tickets", "import", "--file", file, "--dry-run", .. map], _desk.App.DataDirectory);
            Assert.True(dry.ExitCode == 0, dry.ToString());
            Assert.Contains("Dry run: 1 rows can be imported", dry.Stdout, StringComparison.Ordinal);
            Assert.Equal(0, await _desk.TicketCountAsync());

            var unmapped = await CliProcess.RunAsync(["tickets", "import", "--file", file], _desk.App.DataDirectory);
            Assert.Equal(2, unmapped.ExitCode);
            Assert.Contains("row 2, (no column) (reporter): reporter is required", unmapped.Stderr, StringComparison.Ordinal);

            var done = await CliProcess.RunAsync(["tickets", "import", "--file", file, .. map], _desk.App.DataDirectory);
            Assert.True(done.ExitCode == 0, done.ToString());
            Assert.Contains("Imported 1 tickets (20260518-001", done.Stdout, StringComparison.Ordinal);
            Assert.Equal("打印机卡纸", (await _desk.GetTicketAsync("20260518-001")).Str("title"));
        }
        finally
        {
            CliProcess.DeleteQuietly(folder);
        }
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, bool dryRun = false, string[]? map = null) =>
        client.PostAsync("/api/tickets/import", ImportForm(file, dryRun ? "true" : "false", map));

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, string dryRun, string query = "") =>
        client.PostAsync("/api/tickets/import" + query, ImportForm(file, dryRun, null));

    private static MultipartFormDataContent ImportForm(byte[] file, string dryRun, string[]? map)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "tickets.csv");
        form.Add(new StringContent(dryRun), "dryRun");
        foreach (var pair in map ?? [])
        {
            form.Add(new StringContent(pair), "map");
        }

        return form;
    }

    private async Task<byte[]> DownloadAsync(string url)
    {
        var response = await _desk.Supervisor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<string[]> ReadCsv(byte[] bytes)
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
