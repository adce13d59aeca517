using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Knowledge;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Reviews;

/// <summary>
/// Issue 8's "done when", end to end over the API: a P1 closed today is reviewed, its cause and
/// prevention recorded, the lesson written into the handbook for reporters, and the next reporter
/// typing the same problem is offered that article before filing a ticket.
/// </summary>
public sealed class ReviewToHandbookTests : IAsyncLifetime
{
    private const string Problem = "导出月底报表时系统超时";
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private async Task<List<int>> SuggestedToBobAsync() =>
        await _desk.Bob.IdsAsync($"/api/faq/suggest?text={Uri.EscapeDataString("导出月底报表超时")}&module={Uri.EscapeDataString(Desk.SalesModule)}");

    [Fact]
    public async Task AClosedP1IsReviewedAndItsLessonIsSuggestedToTheNextReporterOfTheSameProblem()
    {
        // A P1 closed today opens a review in the supervisor's list.
        var number = await _desk.ClosedTicketAsync("P1", Problem, "Month-end report export times out after ten minutes");
        var ticket = await _desk.GetTicketAsync(number);
        Assert.Equal("closed", ticket.Str("status"));
        Assert.Equal(_desk.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date,
            DateTimeOffset.Parse(ticket.Str("closedAt"), System.Globalization.CultureInfo.InvariantCulture).Date);
        var list = await (await _desk.Supervisor.GetAsync("/api/reviews")).JsonArray();
        var listed = Assert.Single(list, r => r!["tickets"]!.AsArray().Any(t => t.Str("number") == number))!;
        Assert.Equal(("seriousIncident", "open"), (listed.Str("trigger"), listed.Str("status")));
        var id = listed.Num("id");

        // Root cause and a preventive action, which its owner carries out: the review is done.
        await TicketTestKit.Ok(_desk.Supervisor.PutAsJsonAsync($"/api/reviews/{id}", new
        {
            rootCause = "The export ran in the web request and hit the 10-minute gateway timeout",
            category = "designDefect",
        }));
        var action = await _desk.AddActionAsync(id, "eng1", "2026-06-05", "Run month-end exports as background jobs");
        var done = await TicketTestKit.Ok(_desk.Engineer.PostAsJsonAsync($"/api/reviews/{id}/actions/{action.Num("id")}/done",
            new { note = "Exports queue and mail a link" }));
        Assert.Equal("done", done.Str("status"));
        Assert.Empty(done["outstanding"]!.AsArray());
        Assert.Equal("done", Assert.Single(done["actions"]!.AsArray())!.Str("status"));

        // The draft from the review carries its cause and action; written as it is, it is for engineers only.
        var draft = await (await _desk.Supervisor.GetAsync($"/api/faq/draft?fromReview={id}")).Json(HttpStatusCode.OK);
        Assert.Contains("gateway timeout", draft.Str("body"), StringComparison.Ordinal);
        Assert.Contains("Run month-end exports as background jobs", draft.Str("body"), StringComparison.Ordinal);
        var article = await _desk.Supervisor.WriteAsync(new { fromReview = id });
        var articleId = article.Num("id");
        Assert.Equal("engineers", article.Str("audience"));
        Assert.Equal(id, article["sources"].Num("review"));
        Assert.Equal([articleId], await _desk.Engineer.IdsAsync($"/api/faq/suggest?text={Uri.EscapeDataString("导出月底报表超时")}"));
        Assert.DoesNotContain(articleId, await SuggestedToBobAsync());

        // Published for reporters, it is what the report form suggests to a reporter typing the same problem.
        var published = await TicketTestKit.Ok(_desk.Supervisor.PutAsJsonAsync($"/api/faq/{articleId}",
            new { audience = "reporters", basedOnVersion = 1, note = "Published for reporters" }));
        Assert.Equal(("reporters", 2), (published.Str("audience"), published.Num("version")));

        Assert.Equal(articleId, (await SuggestedToBobAsync()).First());
        var read = await (await _desk.Bob.GetAsync($"/api/faq/{articleId}")).Json(HttpStatusCode.OK);
        Assert.Contains("background jobs", read.Str("body"), StringComparison.Ordinal);
    }
}
