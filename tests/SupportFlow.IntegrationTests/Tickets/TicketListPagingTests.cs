using System.Net;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>Eleven tickets: five received at one instant, three phone calls received earlier, three later.</summary>
public sealed class PagingDeskFixture : IAsyncLifetime
{
    private Desk _desk = null!;

    public Desk Desk => _desk;

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();

        // Five at the same instant (ties broken by id), phone calls received earlier, then later ones.
        for (var i = 0; i < 5; i++)
        {
            await _desk.ReportAsync(i % 2 == 0 ? _desk.Alice : _desk.Bob, b => b["title"] = $"Same instant {i}");
        }

        foreach (var receivedAt in new[] { "2026-05-20T10:00+08:00", "2026-05-20T10:00+08:00", "2026-05-20T09:00+08:00" })
        {
            await _desk.ReportAsync(_desk.Engineer, b =>
            {
                b["channel"] = "phone";
                b["occurredAt"] = "2026-05-20T08:50+08:00";
                b["receivedAt"] = receivedAt;
                b["reporter"] = new JsonObject { ["name"] = "张三" };
            });
        }

        for (var i = 0; i < 3; i++)
        {
            _desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
            await _desk.ReportAsync(_desk.Alice, b => b["title"] = $"Later {i}");
        }
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();
}

/// <summary>
/// Keyset paging of <c>GET /api/tickets</c>: small pages walk every ticket once, in the order
/// of the unpaged list, also across tickets received at the same instant and while new tickets
/// arrive between pages.
/// </summary>
public sealed class TicketListPagingTests(PagingDeskFixture fixture) : IClassFixture<PagingDeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task SmallPagesWalkEveryTicketOnceInListOrder(int limit)
    {
        var all = await _desk.Supervisor.AllNumbersAsync("");
        Assert.True(all.Count >= 11, $"only {all.Count} tickets");
        Assert.Equal(all.Count, all.Distinct().Count());

        var walked = await _desk.Supervisor.AllNumbersAsync("", limit);

        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task TheLastPageHasNoNextCursor()
    {
        var count = (await _desk.Supervisor.AllNumbersAsync("")).Count;
        var first = await (await _desk.Supervisor.GetAsync($"/api/tickets?limit={count - 1}")).Json(HttpStatusCode.OK);
        var cursor = first.Str("nextCursor");

        var last = await (await _desk.Supervisor.GetAsync($"/api/tickets?limit={count - 1}&cursor={Uri.EscapeDataString(cursor)}"))
            .Json(HttpStatusCode.OK);

        Assert.Single(last["items"]!.AsArray());
        Assert.Null(last["nextCursor"]);
    }

    [Fact]
    public async Task TheNextCursorGoesIntoALinkAsItIs()
    {
        var first = await (await _desk.Supervisor.GetAsync("/api/tickets?limit=3")).Json(HttpStatusCode.OK);
        var cursor = first.Str("nextCursor");

        // Base64url without padding: a script may paste it into a URL without escaping it.
        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
        var second = await (await _desk.Supervisor.GetAsync("/api/tickets?limit=3&cursor=" + cursor)).Json(HttpStatusCode.OK);
        var all = await _desk.Supervisor.AllNumbersAsync("");
        Assert.Equal(all.Skip(3).Take(3), second["items"]!.AsArray().Select(t => t.Str("number")));
    }

    [Fact]
    public async Task TicketsArrivingBetweenPagesNeitherRepeatNorHideOthers()
    {
        var before = await _desk.Supervisor.AllNumbersAsync("");
        var walked = new List<string>();
        string? cursor = null;
        string? olderArrival = null;
        var page = 0;
        do
        {
            var url = "/api/tickets?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var body = await (await _desk.Supervisor.GetAsync(url)).Json(HttpStatusCode.OK);
            walked.AddRange(body["items"]!.AsArray().Select(t => t.Str("number")));
            cursor = body["nextCursor"]?.GetValue<string>();

            page++;
            if (page == 1)
            {
                // A new report now: newest of all, so it sorts before the cursor.
                await _desk.ReportAsync(_desk.Alice, b => b["title"] = "Arrived while paging");
            }
            else if (page == 2)
            {
                // A phone call recorded now but received before everything: it sorts after the cursor.
                olderArrival = await _desk.ReportAsync(_desk.Engineer, b =>
                {
                    b["channel"] = "phone";
                    b["occurredAt"] = "2026-05-20T07:50+08:00";
                    b["receivedAt"] = "2026-05-20T08:00+08:00";
                    b["reporter"] = new JsonObject { ["name"] = "李四" };
                });
                _desk.App.Clock.Advance(TimeSpan.FromSeconds(30));
                await _desk.ReportAsync(_desk.Bob, b => b["title"] = "Also arrived while paging");
            }
        }
        while (cursor is not null && page < 100);

        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(before, walked.Where(before.Contains));
        Assert.Equal(olderArrival, walked[^1]);
    }

    [Fact]
    public async Task AFilteredListPagesLikeTheUnpagedOne()
    {
        var all = await _desk.Supervisor.AllNumbersAsync(Desk.Named("status=new&team={systems}"));
        var paged = await _desk.Supervisor.AllNumbersAsync(Desk.Named("status=new&team={systems}"), 2);

        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task AReporterPagesThroughOnlyTheirOwnTickets()
    {
        var mine = await _desk.Alice.AllNumbersAsync("");
        var paged = await _desk.Alice.AllNumbersAsync("", 1);

        Assert.Equal(mine, paged);
        Assert.True(mine.Count >= 6, $"alice has {mine.Count} tickets");
        foreach (var number in await _desk.Bob.AllNumbersAsync(""))
        {
            Assert.DoesNotContain(number, paged);
        }
    }
}
