using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using SupportFlow.Server.Jobs;

namespace SupportFlow.IntegrationTests.Reviews;

/// <summary>Which closures open a review by themselves, and the supervisor's request for any other ticket.</summary>
public sealed class ReviewOpeningTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    // The desk's tickets all read alike, so they also make recurring-problem reviews: look at one trigger at a time.
    private const string Serious = "&trigger=seriousIncident";
    private const string Requested = "&trigger=requested";

    private readonly Desk _desk = fixture.Desk;

    [Fact]
    public async Task ClosingAP1TicketOpensAReviewInTheSupervisorsList()
    {
        var number = await _desk.ClosedTicketAsync("P1");

        var open = await _desk.ReviewsOfAsync(number, "&status=open&trigger=seriousIncident");

        var review = Assert.Single(open);
        Assert.Equal("seriousIncident", review.Str("trigger"));
        Assert.Equal("open", review.Str("status"));
        Assert.Equal(number, Assert.Single(review["tickets"]!.AsArray())!.Str("number"));
        Assert.Equal(["rootCause", "actions"], review["outstanding"]!.AsArray().Select(o => o!.GetValue<string>()));
        var history = await _desk.HistoryAsync(number);
        Assert.Contains(history, h => h.Str("action") == "review");
    }

    [Fact]
    public async Task ClosingAP2TicketOpensAReviewButAP3OrP4DoesNot()
    {
        // Texts unlike the desk's other tickets: a ticket already in an open (recurring) review gets no second one.
        var p2 = await _desk.ClosedTicketAsync("P2", "月底结账报表导出超时", "Month-end ledger export times out after ten minutes");
        var p3 = await _desk.ClosedTicketAsync("P3", "客户列表排序错乱", "Customer list sorts by the wrong column");
        var p4 = await _desk.ClosedTicketAsync("P4", "首页图标显示模糊", "Home page icons look blurry");

        Assert.Single(await _desk.ReviewsOfAsync(p2, Serious));
        Assert.Empty(await _desk.ReviewsOfAsync(p3, Serious));
        Assert.Empty(await _desk.ReviewsOfAsync(p4, Serious));
        Assert.DoesNotContain(await _desk.HistoryAsync(p3),
            h => h!["note"]?.GetValue<string>()?.StartsWith("Post-incident", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AP1ClosedAgainAfterAReopenKeepsItsOneOpenReview()
    {
        var number = await _desk.ClosedTicketAsync("P1");
        await TicketTestKit.Ok(_desk.Alice.Act(number, "reopen", new { reason = "It came back" }));
        await TicketTestKit.Ok(_desk.Engineer.Act(number, "resolve", new { solution = "Replaced the disk" }));
        await TicketTestKit.Ok(_desk.Supervisor.Act(number, "close", new { cause = "Disk failing", solution = "Replaced the disk" }));

        Assert.Single(await _desk.ReviewsOfAsync(number, Serious));
    }

    [Fact]
    public async Task ASupervisorRequestsAReviewOfAnyTicketAndOthersMayNot()
    {
        var first = await _desk.ReportAsync(change: r => r["priority"] = "P4");
        var second = await _desk.ReportAsync(change: r => r["priority"] = "P3");

        Assert.Equal(HttpStatusCode.Forbidden,
            (await _desk.Engineer.PostAsJsonAsync("/api/reviews", new { tickets = new[] { first }, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Alice.GetAsync("/api/reviews")).StatusCode);
        Assert.Empty(await _desk.ReviewsOfAsync(first, Requested));

        var review = await (await _desk.Supervisor.PostAsJsonAsync("/api/reviews",
            new { tickets = new[] { first, second }, reason = "Same captcha error keeps coming back" })).Json(HttpStatusCode.Created);

        Assert.Equal("requested", review.Str("trigger"));
        Assert.Equal([first, second], review["tickets"]!.AsArray().Select(t => t.Str("number")));
        Assert.Equal("sup1", review.Str("openedBy"));
        Assert.Single(await _desk.ReviewsOfAsync(second, Requested));
        var engineerView = await (await _desk.Engineer.GetAsync($"/api/reviews/{review.Num("id")}")).Json(HttpStatusCode.OK);
        Assert.Equal(review.Str("title"), engineerView.Str("title"));
    }

    [Fact]
    public async Task ARequestNamingAnUnknownTicketOrNoReasonIsRefusedPerField()
    {
        var before = (await (await _desk.Supervisor.GetAsync("/api/reviews")).JsonArray()).Count;

        await (await _desk.Supervisor.PostAsJsonAsync("/api/reviews", new { tickets = new[] { "20260520-999" }, reason = "x" }))
            .FieldError("tickets");
        var problem = await (await _desk.Supervisor.PostAsJsonAsync("/api/reviews", new { tickets = Array.Empty<string>() }))
            .FieldError("tickets");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("reason"));

        Assert.Equal(before, (await (await _desk.Supervisor.GetAsync("/api/reviews")).JsonArray()).Count);
    }
}

/// <summary>A P2 the reporter never confirmed closes itself; its review opens with the closure.</summary>
public sealed class AutoClosedReviewTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task AnAutoClosedP2OpensAReviewOpenedByTheSystem()
    {
        var number = await _desk.TicketAtAsync(Stage.Resolved);

        _desk.App.Clock.Advance(TimeSpan.FromDays(6));
        await _desk.App.Services.GetRequiredService<AutoCloseJob>().SweepAsync(CancellationToken.None);

        Assert.Equal("closed", (await _desk.GetTicketAsync(number)).Str("status"));
        var review = Assert.Single(await _desk.ReviewsOfAsync(number, "&trigger=seriousIncident"));
        Assert.Equal("system", review.Str("openedBy"));
    }
}
