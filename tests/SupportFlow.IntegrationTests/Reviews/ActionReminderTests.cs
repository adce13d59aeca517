using System.Net.Http.Json;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using SupportFlow.Server.Jobs;

namespace SupportFlow.IntegrationTests.Reviews;

/// <summary>Preventive actions remind their owners and turn overdue after their due date, on the test's clock.</summary>
public sealed class ActionReminderTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private Task<int> SweepAsync() =>
        _desk.App.Services.GetRequiredService<ReviewReminderJob>().SweepAsync(CancellationToken.None);

    private async Task<List<string>> RemindersOfEng1Async() =>
        [.. (await (await _desk.Engineer.GetAsync("/api/reviews/reminders")).JsonArray()).Select(r => r.Str("kind"))];

    [Fact]
    public async Task AnActionRemindsItsOwnerWhenAssignedADayBeforeAndOnceOverdue()
    {
        // Now: Wednesday 2026-05-20 14:30 in Shanghai. Due Friday 2026-05-22: overdue from Saturday 00:00 local.
        var id = await _desk.RequestedReviewAsync();
        var action = await _desk.AddActionAsync(id, "eng1", "2026-05-22");
        Assert.Equal("2026-05-23T00:00:00+08:00", action.Str("dueAt"));
        Assert.Equal(["assigned"], await RemindersOfEng1Async());
        Assert.Equal(0, await SweepAsync());

        // Advancing the clock also wakes the server's own sweep: the sweeps' counts are not asserted, the reminders are.
        _desk.App.Clock.Advance(TimeSpan.FromHours(34)); // Friday 00:30: within a day of the end of the due date
        await SweepAsync();
        Assert.Equal(["assigned", "dueSoon"], await RemindersOfEng1Async());
        Assert.False((await _desk.ReviewAsync(id))["actions"]![0]!["overdue"]!.GetValue<bool>());

        _desk.App.Clock.Advance(TimeSpan.FromHours(23.5)); // Saturday 00:00 exactly
        await SweepAsync();
        Assert.Equal(0, await SweepAsync());
        Assert.Equal(["assigned", "dueSoon", "overdue"], await RemindersOfEng1Async());
        var review = await _desk.ReviewAsync(id);
        Assert.True(review["actions"]![0]!["overdue"]!.GetValue<bool>());
        Assert.Equal(1, review.Num("overdueActions"));
        var overdue = await (await _desk.Supervisor.GetAsync("/api/reviews/actions?overdue=true")).JsonArray();
        Assert.Equal(action.Num("id"), Assert.Single(overdue).Num("id"));
        var mine = await (await _desk.Engineer.GetAsync("/api/reviews/actions?owner=me&status=open")).JsonArray();
        Assert.Single(mine);
        var report = await (await _desk.Supervisor.GetAsync("/api/reports/reviews")).Json(HttpStatusCode.OK);
        Assert.Equal(1, report.Num("openReviews"));
        Assert.Equal(1, report.Num("overdueActions"));
        Assert.Equal(action.Num("id"), Assert.Single(report["overdue"]!.AsArray()).Num("id"));

        // Done: no longer overdue, nothing more to remind.
        await TicketTestKit.Ok(_desk.Engineer.PostAsJsonAsync($"/api/reviews/{id}/actions/{action.Num("id")}/done", new { }));
        _desk.App.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await SweepAsync());
        Assert.False((await _desk.ReviewAsync(id))["actions"]![0]!["overdue"]!.GetValue<bool>());
        Assert.Equal(0, (await (await _desk.Supervisor.GetAsync("/api/reports/reviews")).Json(HttpStatusCode.OK)).Num("overdueActions"));
    }

    [Fact]
    public async Task OnlyASupervisorReadsAnotherPersonsReminders()
    {
        var id = await _desk.RequestedReviewAsync();
        await _desk.AddActionAsync(id, "eng1", "2026-06-30");

        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.OtherEngineer.GetAsync("/api/reviews/reminders?owner=eng1")).StatusCode);
        Assert.Empty(await (await _desk.OtherEngineer.GetAsync("/api/reviews/reminders")).JsonArray());
        Assert.Single(await (await _desk.Supervisor.GetAsync("/api/reviews/reminders?owner=eng1")).JsonArray());
    }
}
