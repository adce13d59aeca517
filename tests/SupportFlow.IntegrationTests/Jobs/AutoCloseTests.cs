using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Jobs;

namespace SupportFlow.IntegrationTests.Jobs;

public sealed class AutoCloseTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync() => _desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private async Task<string> ResolvedTicketAsync()
    {
        var number = await _desk.ReportAsync();
        (await _desk.Supervisor.Act(number, "assign", new { assignee = "eng1" })).EnsureSuccessStatusCode();
        (await _desk.Engineer.Act(number, "resolve", new { solution = "Restarted the service" })).EnsureSuccessStatusCode();
        return number;
    }

    [Fact]
    public async Task AnUnansweredResolutionClosesItselfAfterThreeBusinessDays()
    {
        // Resolved Wednesday 2026-05-20 14:30 Shanghai: three business days later is Monday 14:30.
        var unanswered = await ResolvedTicketAsync();
        var confirmed = await ResolvedTicketAsync();
        (await _desk.Alice.Act(confirmed, "confirm", new { resolved = true })).EnsureSuccessStatusCode();
        var job = _desk.App.Services.GetRequiredService<AutoCloseJob>();

        _desk.App.Clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await job.SweepAsync(CancellationToken.None));
        var still = await (await _desk.Supervisor.GetAsync($"/api/tickets/{unanswered}")).Json(HttpStatusCode.OK);
        Assert.Equal("resolved", still["status"]!.GetValue<string>());

        _desk.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await job.SweepAsync(CancellationToken.None);

        var closed = await (await _desk.Alice.GetAsync($"/api/tickets/{unanswered}")).Json(HttpStatusCode.OK);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.True(closed["closedWithoutConfirmation"]!.GetValue<bool>());
        var history = await (await _desk.Supervisor.GetAsync($"/api/tickets/{unanswered}/history")).JsonArray();
        Assert.Contains(history, h => h!["action"]!.GetValue<string>() == "autoClose"
                                      && h["actor"]!["login"]!.GetValue<string>() == "system");

        // A confirmed ticket waits for its owner's summary instead.
        var waiting = await (await _desk.Supervisor.GetAsync($"/api/tickets/{confirmed}")).Json(HttpStatusCode.OK);
        Assert.Equal("resolved", waiting["status"]!.GetValue<string>());
    }
}
