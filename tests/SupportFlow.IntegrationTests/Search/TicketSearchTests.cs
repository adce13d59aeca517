using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using SupportFlow.Server.Hosting;

namespace SupportFlow.IntegrationTests.Search;

/// <summary>
/// Tickets received a minute apart, searched with <c>GET /api/tickets?q=</c>:
/// <list type="bullet">
/// <item>jam: bob, Printer (硬件组 Hardware), "打印机显示纸张卡住，卡纸", HP LaserJet 1020 in the description</item>
/// <item>captcha: alice, Sales (系统组), "登录时提示验证码错误"</item>
/// <item>vpn: alice, "VPN 无法连接"; eng1's work note 检查防火墙规则 (internal), a public update about 网络组,
/// and alice's comment 今天上午</item>
/// <item>outlook: bob, "Outlook 邮件同步失败"</item>
/// <item>mailbox: alice, "Mailbox almost full", 邮件同步 only in the description (newest)</item>
/// </list>
/// </summary>
public sealed class SearchDeskFixture : IAsyncLifetime
{
    public Desk Desk { get; private set; } = null!;

    public Dictionary<string, string> Numbers { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Desk = await Desk.OpenAsync();
        await AddAsync("jam", Desk.Bob, "打印机显示纸张卡住，卡纸", "Paper jam in tray 2 of the HP LaserJet 1020.", Desk.Printer);
        await AddAsync("captcha", Desk.Alice, "登录时提示验证码错误", "Login fails with a captcha error.");
        await AddAsync("vpn", Desk.Alice, "VPN 无法连接", "远程办公时客户端报错 809。");
        await AddAsync("outlook", Desk.Bob, "Outlook 邮件同步失败", "Stops at 99%.");
        await AddAsync("mailbox", Desk.Alice, "Mailbox almost full", "收件箱快满了，邮件同步变慢。");

        var vpn = Numbers["vpn"];
        await TicketTestKit.Ok(Desk.Supervisor.Act(vpn, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(Desk.Engineer.Act(vpn, "start"));
        await TicketTestKit.Ok(Desk.Engineer.Act(vpn, "worklog", new { text = "检查防火墙规则，发现 UDP 500 端口被封", method = "remote" }));
        await TicketTestKit.Ok(Desk.Engineer.Act(vpn, "update", new { message = "已联系网络组处理，预计一小时。" }));
        await TicketTestKit.Ok(Desk.Alice.Act(vpn, "comment", new { message = "今天上午还能连上" }));
    }

    private async Task AddAsync(string key, HttpClient by, string title, string description, string module = Desk.SalesModule)
    {
        Numbers[key] = await Desk.ReportAsync(by, b =>
        {
            b["title"] = title;
            b["description"] = description;
            b["module"] = module;
        });
        Desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await Desk.DisposeAsync();
}

/// <summary>Full-text search in Chinese and English: what it finds, what it must not, and for whom.</summary>
public sealed class TicketSearchTests(SearchDeskFixture fixture) : IClassFixture<SearchDeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private string[] Expected(string keys) =>
        keys.Length == 0 ? [] : [.. keys.Split(',').Select(k => fixture.Numbers[k])];

    private static Task<List<string>> SearchAsync(HttpClient client, string q, string more = "", int limit = 200) =>
        client.AllNumbersAsync("q=" + Uri.EscapeDataString(q) + Desk.Named(more), limit);

    [Theory]
    [InlineData("卡纸", "jam")]                  // two characters
    [InlineData("验证码", "captcha")]            // three
    [InlineData("纸张卡住", "jam")]              // four, across the text
    [InlineData("登录时提示验证码错误", "captcha")] // a whole title
    [InlineData("远程办公", "vpn")]              // in the description
    [InlineData("captcha", "captcha")]           // an English word
    [InlineData("LASERJET", "jam")]              // any case
    [InlineData("ＬａｓｅｒＪｅｔ　１０２０", "jam")]   // full-width letters, digits and space
    [InlineData("hp 卡纸", "jam")]               // mixed terms, all must match
    [InlineData("HP打印机", "jam")]              // mixed in one term
    [InlineData("vpn 连接", "vpn")]
    [InlineData("网络组", "vpn")]                // a public update
    [InlineData("今天上午", "vpn")]              // a comment
    [InlineData("tray 2", "jam")]
    [InlineData("paper-jam", "jam")]             // words joined by punctuation: a phrase
    public async Task StaffFindWhatTheyType(string q, string keys)
    {
        Assert.Equal(Expected(keys), await SearchAsync(_desk.Supervisor, q));
    }

    [Theory]
    [InlineData("卡", "jam")]     // one character, inside a run
    [InlineData("误", "captcha")]  // one character, the last of its run
    [InlineData("纸", "jam")]
    public async Task OneCharacterFindsEveryTicketWithIt(string q, string keys)
    {
        Assert.Equal(Expected(keys), await SearchAsync(_desk.Supervisor, q));
    }

    [Theory]
    [InlineData("卡住纸")]      // the characters are there, not in this order
    [InlineData("打印验证")]    // bigrams of two different tickets
    [InlineData("码验")]
    [InlineData("jam captcha")] // each term in another ticket
    [InlineData("laser")]       // a word is matched whole, not as a prefix
    [InlineData("打印纸")]
    public async Task NoFalsePositives(string q)
    {
        Assert.Empty(await SearchAsync(_desk.Supervisor, q));
    }

    [Fact]
    public async Task ATicketIsFoundByItsNumber()
    {
        Assert.Equal(Expected("outlook"), await SearchAsync(_desk.Supervisor, fixture.Numbers["outlook"]));
    }

    [Fact]
    public async Task TitleHitsComeFirstThenTheNewest()
    {
        // mailbox is newer but has 邮件同步 only in its description.
        Assert.Equal(Expected("outlook,mailbox"), await SearchAsync(_desk.Supervisor, "邮件同步"));
        // vpn is newer than captcha, but 时 is in captcha's title and only in vpn's description.
        Assert.Equal(Expected("captcha,vpn"), await SearchAsync(_desk.Supervisor, "时"));
    }

    [Fact]
    public async Task PagingWalksTitleHitsThenTheRestWithoutRepeats()
    {
        Assert.Equal(Expected("outlook,mailbox"), await SearchAsync(_desk.Supervisor, "邮件同步", limit: 1));
        Assert.Equal(Expected("captcha,vpn"), await SearchAsync(_desk.Supervisor, "时", limit: 1));
    }

    [Fact]
    public async Task WorkNotesAreFoundByStaffOnly()
    {
        Assert.Equal(Expected("vpn"), await SearchAsync(_desk.Supervisor, "防火墙规则"));
        Assert.Equal(Expected("vpn"), await SearchAsync(_desk.Engineer, "udp 500"));

        Assert.Empty(await SearchAsync(_desk.Alice, "防火墙规则"));
        Assert.Empty(await SearchAsync(_desk.Alice, "udp"));
        Assert.Equal(Expected("vpn"), await SearchAsync(_desk.Alice, "网络组"));
    }

    [Fact]
    public async Task AReporterFindsOnlyTheirOwnTickets()
    {
        Assert.Empty(await SearchAsync(_desk.Bob, "验证码"));
        Assert.Equal(Expected("captcha"), await SearchAsync(_desk.Alice, "验证码"));
        Assert.Equal(Expected("outlook"), await SearchAsync(_desk.Bob, "邮件同步"));
        Assert.Equal(Expected("mailbox"), await SearchAsync(_desk.Alice, "邮件同步"));
    }

    [Theory]
    [InlineData("&team={hardware}", "jam")]
    [InlineData("&team={systems}", "")]
    [InlineData("&status=new&priority=P2", "jam")]
    [InlineData("&status=closed", "")]
    [InlineData("&sort=slaDue", "jam")]
    [InlineData("&sort=receivedAt", "jam")]
    public async Task SearchCombinesWithFilters(string filters, string keys)
    {
        Assert.Equal(Expected(keys), await SearchAsync(_desk.Supervisor, "卡纸", filters));
    }

    [Fact]
    public async Task SortedByReceiptAMatchInTheTitleHasNoHeadStart()
    {
        Assert.Equal(Expected("mailbox,outlook"), await SearchAsync(_desk.Supervisor, "邮件同步", "&sort=receivedAt"));
    }

    [Theory]
    [InlineData("q=%EF%BC%8C%E3%80%82")] // only punctuation: "，。"
    [InlineData("q=a%20b%20c%20d%20e%20f%20g%20h%20i%20j%20k%20l%20m%20n%20o%20p%20q")]
    [InlineData("sort=relevance")]      // relevance needs q
    public async Task AnUnusableSearchIsNamed(string query)
    {
        var field = query.StartsWith("sort", StringComparison.Ordinal) ? "sort" : "q";
        await (await _desk.Supervisor.GetAsync("/api/tickets?" + query)).FieldError(field);
    }

    [Fact]
    public async Task ABlankSearchBoxListsEverything()
    {
        Assert.Equal(5, (await _desk.Supervisor.AllNumbersAsync("q=%20%20")).Count);
    }

    [Fact]
    public async Task ATooLongSearchIsNamed()
    {
        await (await _desk.Supervisor.GetAsync("/api/tickets?q=" + new string('x', 201))).FieldError("q");
    }
}

/// <summary>The index is kept in the same transaction as the ticket, and tickets stored before it existed are indexed at start.</summary>
public sealed class TicketSearchIndexTests
{
    [Fact]
    public async Task ANewWorkNoteIsFoundAtOnce()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();
        await TicketTestKit.Ok(desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        Assert.Empty(await desk.Supervisor.AllNumbersAsync("q=" + Uri.EscapeDataString("数据库连接超时")));

        await TicketTestKit.Ok(desk.Engineer.Act(number, "worklog", new { text = "检查日志发现数据库连接超时", method = "remote" }));

        Assert.Equal([number], await desk.Supervisor.AllNumbersAsync("q=" + Uri.EscapeDataString("数据库连接超时")));
    }

    [Fact]
    public async Task TicketsWithoutAnIndexEntryAreIndexedWhenTheServerStarts()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();
        await TicketTestKit.Ok(desk.Supervisor.Act(number, "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(desk.Engineer.Act(number, "update", new { message = "正在重建会话索引" }));
        await using (var scope = desk.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            Assert.Equal(1, await db.TicketSearch.ExecuteDeleteAsync());
        }

        Assert.Empty(await desk.Supervisor.AllNumbersAsync("q=" + Uri.EscapeDataString("验证码")));

        await desk.App.Services.MigrateDatabaseAsync();

        Assert.Equal([number], await desk.Supervisor.AllNumbersAsync("q=" + Uri.EscapeDataString("验证码")));
        Assert.Equal([number], await desk.Supervisor.AllNumbersAsync("q=" + Uri.EscapeDataString("会话索引")));
    }

    [Fact]
    public async Task NewTicketsAreSearchableWhenAcknowledged()
    {
        await using var desk = await Desk.OpenAsync();

        var number = await desk.ReportAsync(change: b => b["description"] = "The ERP shows 错误代码 E1234.");

        Assert.Equal([number], await desk.Supervisor.AllNumbersAsync("q=e1234"));
        var page = await (await desk.Supervisor.GetAsync("/api/tickets?q=" + Uri.EscapeDataString("错误代码"))).Json(HttpStatusCode.OK);
        Assert.Single(page["items"]!.AsArray());
    }
}
