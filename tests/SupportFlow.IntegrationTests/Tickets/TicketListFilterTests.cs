using System.Net;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// Six tickets received a minute apart, each in a known state, that the filter tests only read:
/// <list type="bullet">
/// <item>login: alice, Sales, P2, new, unassigned ("登录时提示验证码错误")</item>
/// <item>slow: alice, Sales, P1, inProgress, eng1 ("Orders page slow")</item>
/// <item>jam: bob, Printer, P3, assigned, eng2, team 硬件组 Hardware ("打印机卡纸")</item>
/// <item>export: bob, Sales, P4, cancelled, unassigned ("Export button missing")</item>
/// <item>projector: recorded by eng1 for 张三 (no account), Printer, P2, new ("Projector flickers", 会议室 in the description)</item>
/// <item>report: alice, Sales, P3, assigned, sup1 ("Monthly report 100% wrong")</item>
/// </list>
/// </summary>
public sealed class SeededDeskFixture : IAsyncLifetime
{
    public Desk Desk { get; private set; } = null!;

    public Dictionary<string, string> Numbers { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Desk = await Desk.OpenAsync();
        await AddAsync("login", Desk.Alice, b => b["title"] = Desk.ReportTitle);
        await AddAsync("slow", Desk.Alice, b =>
        {
            b["title"] = "Orders page slow";
            b["description"] = "The orders page takes a minute to load.";
            b["priority"] = "P1";
        });
        await AddAsync("jam", Desk.Bob, b =>
        {
            b["title"] = "打印机卡纸";
            b["description"] = "Paper jam on every print.";
            b["module"] = Desk.Printer;
            b["priority"] = "P3";
        });
        await AddAsync("export", Desk.Bob, b =>
        {
            b["title"] = "Export button missing";
            b["description"] = "No export on the sales report.";
            b["priority"] = "P4";
        });
        await AddAsync("projector", Desk.Engineer, b =>
        {
            b["title"] = "Projector flickers";
            b["description"] = "三楼会议室的投影仪闪烁";
            b["module"] = Desk.Printer;
            b["channel"] = "phone";
            b["reporter"] = new JsonObject { ["name"] = "张三", ["department"] = "Warehouse" };
        });
        await AddAsync("report", Desk.Alice, b =>
        {
            b["title"] = "Monthly report 100% wrong";
            b["description"] = "Totals are doubled.";
            b["priority"] = "P3";
        });

        await TicketTestKit.Ok(Desk.Supervisor.Act(Numbers["slow"], "assign", new { assignee = "eng1" }));
        await TicketTestKit.Ok(Desk.Engineer.Act(Numbers["slow"], "start"));
        await TicketTestKit.Ok(Desk.Supervisor.Act(Numbers["jam"], "assign", new { assignee = "eng2" }));
        await TicketTestKit.Ok(Desk.Bob.Act(Numbers["export"], "cancel", new { reason = "Found it under Reports" }));
        await TicketTestKit.Ok(Desk.Supervisor.Act(Numbers["report"], "assign", new { assignee = "sup1" }));
    }

    private async Task AddAsync(string key, HttpClient by, Action<JsonObject> change)
    {
        Numbers[key] = await Desk.ReportAsync(by, change);
        Desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await Desk.DisposeAsync();
}

/// <summary><c>GET /api/tickets</c> filters, each alone and combined, and what a reporter may list.</summary>
public sealed class TicketListFilterTests(SeededDeskFixture fixture) : IClassFixture<SeededDeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    private string[] Expected(string keys) =>
        keys.Length == 0 ? [] : [.. keys.Split(',').Select(k => fixture.Numbers[k]).Order(StringComparer.Ordinal)];

    private static async Task<string[]> ListAsync(HttpClient client, string query) =>
        [.. (await client.AllNumbersAsync(Desk.Named(query))).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("", "login,slow,jam,export,projector,report")]
    [InlineData("status=new", "login,projector")]
    [InlineData("status=new,assigned", "login,projector,jam,report")]
    [InlineData("status=inProgress", "slow")]
    [InlineData("status=cancelled", "export")]
    [InlineData("status=resolved,closed", "")]
    [InlineData("status=New, Assigned", "login,projector,jam,report")]
    [InlineData("priority=P1", "slow")]
    [InlineData("priority=P2,P4", "login,projector,export")]
    [InlineData("module={printer}", "jam,projector")]
    [InlineData("module={sales}", "login,slow,export,report")]
    [InlineData("module=Nonexistent", "")]
    [InlineData("team=Nobody", "")]
    [InlineData("assignee=nobody", "")]
    [InlineData("assignee=eng1", "slow")]
    [InlineData("assignee=ENG2", "jam")]
    [InlineData("assignee=none", "login,export,projector")]
    [InlineData("team={hardware}", "jam,projector")]
    [InlineData("team={systems}", "login,slow,export,report")]
    [InlineData("team={hardware}&team={systems}", "login,slow,jam,export,projector,report")] // several teams: the parameter repeated
    [InlineData("team={hardware}&team=Nobody", "jam,projector")]
    [InlineData("team={hardware}&team={systems}&status=assigned", "jam,report")]
    [InlineData("text=%E9%AA%8C%E8%AF%81%E7%A0%81", "login")]
    [InlineData("text=%E4%BC%9A%E8%AE%AE%E5%AE%A4", "projector")]
    [InlineData("text=orders%20PAGE", "slow")]
    [InlineData("text=100%25", "report")]
    [InlineData("text=%25", "report")]
    [InlineData("text=_", "")]
    [InlineData("status=assigned&team={hardware}", "jam")]
    [InlineData("status=new&priority=P2&module={printer}", "projector")]
    [InlineData("team={systems}&assignee=none&status=new,cancelled", "login,export")]
    public async Task StaffFilterTheList(string query, string keys)
    {
        Assert.Equal(Expected(keys), await ListAsync(_desk.Supervisor, query));
    }

    [Fact]
    public async Task TheTextFilterFindsATicketByItsNumber()
    {
        Assert.Equal(Expected("jam"), await ListAsync(_desk.Supervisor, "text=" + fixture.Numbers["jam"]));
    }

    [Fact]
    public async Task AssigneeMeIsTheCaller()
    {
        Assert.Equal(Expected("slow"), await ListAsync(_desk.Engineer, "assignee=me"));
        Assert.Equal(Expected("report"), await ListAsync(_desk.Supervisor, "assignee=me"));
        Assert.Equal(Expected("jam"), await ListAsync(_desk.OtherEngineer, "assignee=me"));
    }

    [Fact]
    public async Task AReporterListsOnlyTheirOwnTickets()
    {
        Assert.Equal(Expected("login,slow,report"), await ListAsync(_desk.Alice, ""));
        Assert.Equal(Expected("jam,export"), await ListAsync(_desk.Bob, ""));
    }

    [Theory]
    [InlineData("team={hardware}", "")]
    [InlineData("text=%E6%89%93%E5%8D%B0%E6%9C%BA", "")]
    [InlineData("status=new", "login")]
    [InlineData("reporter=bob", "")]
    [InlineData("assignee=eng2", "")]
    public async Task AReportersFiltersNeverReachOtherPeoplesTickets(string query, string keys)
    {
        Assert.Equal(Expected(keys), await ListAsync(_desk.Alice, query));
    }

    [Fact]
    public async Task TheListIsNewestReceivedFirst()
    {
        var listed = await _desk.Supervisor.AllNumbersAsync("");

        var byReceipt = new[] { "report", "projector", "export", "jam", "slow", "login" }.Select(k => fixture.Numbers[k]);
        Assert.Equal(byReceipt, listed);
    }

    [Fact]
    public async Task AReporterSeesWhoOwnsTheirTicket()
    {
        var page = await (await _desk.Alice.GetAsync("/api/tickets?status=inProgress")).Json(HttpStatusCode.OK);

        var ticket = Assert.Single(page["items"]!.AsArray());
        Assert.Equal(("Orders page slow", "eng1", "alice"), (ticket.Str("title"), ticket!["assignee"].Str("login"), ticket["reporter"].Str("login")));
    }

    [Theory]
    [InlineData("status=open", "status")]
    [InlineData("status=new,later", "status")]
    [InlineData("priority=P5", "priority")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("cursor=%21%21%21", "cursor")]
    [InlineData("cursor=MTIz", "cursor")]
    [InlineData("text=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "text")]
    public async Task ABadFilterIsNamed(string query, string field)
    {
        await (await _desk.Supervisor.GetAsync("/api/tickets?" + query)).FieldError(field);
    }

    [Fact]
    public async Task ALimitThatIsNotANumberIsNamed()
    {
        await (await _desk.Supervisor.GetAsync("/api/tickets?limit=abc")).FieldError("limit");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public async Task TheLimitsOfLimitAreAccepted(int limit)
    {
        var page = await (await _desk.Supervisor.GetAsync($"/api/tickets?limit={limit}")).Json(HttpStatusCode.OK);

        Assert.Equal(Math.Min(limit, 6), page["items"]!.AsArray().Count);
        Assert.Equal(limit < 6, page["nextCursor"] is not null);
    }
}
