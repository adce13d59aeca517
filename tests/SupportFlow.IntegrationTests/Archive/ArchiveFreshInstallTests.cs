using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportFlow.Archive;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Archive;

namespace SupportFlow.IntegrationTests.Archive;

/// <summary>
/// The scheduled archive starts with the desk's first month: a fresh install writes no archive of
/// the months before it, while a month after the first ticket is archived even when nothing came in.
/// </summary>
public sealed class ArchiveFreshInstallTests
{
    private static readonly ArchiveMonth April = new(2026, 4);
    private static readonly ArchiveMonth June = new(2026, 6);

    [Fact]
    public async Task AFreshInstallsFirstSweepsWriteNoArchiveOfTheMonthBeforeIt()
    {
        // 20 May 2026: the month due for the schedule is April, before the install.
        await using var desk = await Desk.OpenAsync();

        Assert.Equal(0, await SweepAsync(desk.App));
        await desk.ReportAsync(); // the first ticket, received in May
        Assert.Equal(0, await SweepAsync(desk.App));

        Assert.False(Directory.Exists(desk.App.Folder(April)), "an empty archive of April, before the install, was written");
        Assert.Equal(0, await RunsAsync(desk.App, April));
    }

    [Fact]
    public async Task TheFirstTicketsMonthAndAnEmptyMonthAfterItAreArchived()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();

        // The server's own timer may sweep first; either way each month ends up archived once.
        desk.App.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 1, 5, 0, TimeSpan.FromHours(8)));
        await SweepAsync(desk.App);
        await WaitUntilFinishedAsync(desk.App, ArchiveKit.May);
        desk.App.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 1, 5, 0, TimeSpan.FromHours(8)));
        await SweepAsync(desk.App);
        await WaitUntilFinishedAsync(desk.App, June);

        Assert.Contains(number, await File.ReadAllTextAsync(Path.Combine(desk.App.Folder(ArchiveKit.May), MonthlyArchive.Csv)),
            StringComparison.Ordinal);
        Assert.Empty(desk.App.Verify(June));
        Assert.Equal(1, await RunsAsync(desk.App, June));
    }

    private static async Task WaitUntilFinishedAsync(SupportFlowApp app, ArchiveMonth month)
    {
        for (var i = 0; i < 100 && await RunsAsync(app, month, finished: true) == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, await RunsAsync(app, month, finished: true));
    }

    /// <summary>One sweep of the server's own job, as its timer would run it.</summary>
    private static Task<int> SweepAsync(SupportFlowApp app) =>
        app.Services.GetServices<IHostedService>().OfType<ArchiveJob>().Single().SweepAsync(CancellationToken.None);

    private static async Task<int> RunsAsync(SupportFlowApp app, ArchiveMonth month, bool finished = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var key = month.ToString();
        return await scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().ArchiveRuns
            .CountAsync(r => r.Month == key && (!finished || r.FinishedAt != null));
    }
}
