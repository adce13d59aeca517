using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Archive;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Archive;

namespace SupportFlow.IntegrationTests.Archive;

/// <summary>
/// A month's claim is a short lease: a killed run blocks the month for minutes, not an hour; a live run
/// renews it; an admin can take it over; a server that never served claims nothing (issue 20, item 5).
/// </summary>
public sealed class ArchiveLeaseTests
{
    [Fact]
    public async Task AKilledRunsClaimLapsesAfterTheShortLease()
    {
        await using var desk = await Desk.OpenAsync();
        await desk.ReportAsync();
        await using (var scope = desk.App.Services.CreateAsyncScope())
        {
            // A run that claimed May and was killed: nobody renews its lease.
            Assert.True(await scope.ServiceProvider.GetRequiredService<ArchiveClaims>()
                .TryClaimAsync(ArchiveKit.May, "cli@killed:4242", again: true, takeOver: false, CancellationToken.None));
        }

        Assert.Null(await RunAsync(desk.App, "cli@admin:1"));

        desk.App.Clock.Advance(ArchiveClaims.Lease + TimeSpan.FromSeconds(1));
        var result = await RunAsync(desk.App, "cli@admin:1");
        Assert.NotNull(result);
        Assert.Equal(1, result.Manifest.Tickets);
    }

    [Fact]
    public async Task ALiveRunRenewsItsLeaseAndATakeOverStopsIt()
    {
        await using var desk = await Desk.OpenAsync();
        await desk.ReportAsync();
        using var paused = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var progress = new BlockingProgress(paused, release);
        var first = Task.Run(() => RunAsync(desk.App, "job@node-a:1", progress));
        Assert.True(paused.Wait(TimeSpan.FromSeconds(30)), "the first run did not start writing");

        // Five renewals carry the claim well past the first lease.
        for (var i = 0; i < 5; i++)
        {
            desk.App.Clock.Advance(ArchiveClaims.Renewal);
            var expected = desk.App.Clock.GetUtcNow() + ArchiveClaims.Lease;
            await WaitForAsync(async () => (await ClaimAsync(desk.App)).ClaimedUntil == expected, "the lease was not renewed");
        }

        Assert.Null(await RunAsync(desk.App, "cli@admin:1"));

        var takenOver = await RunAsync(desk.App, "cli@admin:1", takeOver: true);
        Assert.NotNull(takenOver);
        Assert.Equal("cli@admin:1", (await ClaimAsync(desk.App)).ClaimedBy);

        // The next renewal of the first run finds its claim gone and stops it without recording.
        desk.App.Clock.Advance(ArchiveClaims.Renewal);
        release.Set();
        var stopped = await Assert.ThrowsAsync<DomainException>(() => first);
        Assert.Contains("taken over", stopped.Message, StringComparison.Ordinal);
        Assert.Equal("cli@admin:1", (await ClaimAsync(desk.App)).ClaimedBy);
        Assert.Empty(desk.App.Verify(ArchiveKit.May));
    }

    [Fact]
    public async Task TheCliTakesALiveClaimOverOnlyWhenAsked()
    {
        await using var desk = await Desk.OpenAsync();
        await desk.ReportAsync();
        await using (var scope = desk.App.Services.CreateAsyncScope())
        {
            // The CLI runs on the real clock: a claim held for another hour by a process on another machine.
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            db.ArchiveRuns.Add(new ArchiveRun("2026-05", DateTimeOffset.UtcNow.AddHours(1)));
            await db.SaveChangesAsync();
            await db.ArchiveRuns.Where(r => r.Month == "2026-05")
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, "job@其他节点 other:7"));
        }

        string[] shanghai = ["--SupportFlow:Organization:TimeZone=Asia/Shanghai"];
        var busy = await CliProcess.RunAsync(["archive", "--month", "2026-05", .. shanghai], desk.App.DataDirectory);
        Assert.True(busy.ExitCode == 1, busy.ToString());
        Assert.Contains("being written by job@其他节点 other:7", busy.Stderr, StringComparison.Ordinal);
        Assert.Contains("--take-over", busy.Stderr, StringComparison.Ordinal);

        var taken = await CliProcess.RunAsync(["archive", "--month", "2026-05", "--take-over", .. shanghai], desk.App.DataDirectory);
        Assert.True(taken.ExitCode == 0, taken.ToString());
        Assert.Contains("Archived 1 tickets of 2026-05", taken.Stdout, StringComparison.Ordinal);
        Assert.Empty(desk.App.Verify(ArchiveKit.May));
    }

    [Fact]
    public async Task AServerThatCannotBindItsPortClaimsNoMonth()
    {
        var data = CliProcess.NewFolder("data");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var result = await CliProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}"], data);
            Assert.True(result.ExitCode != 0, result.ToString());

            await using var db = TestDatabase.OpenContext(data);
            Assert.Empty(await db.ArchiveRuns.ToListAsync());
        }
        finally
        {
            TestDatabase.ReleaseConnections(data);
            CliProcess.DeleteQuietly(data);
        }
    }

    private static async Task<ArchiveResult?> RunAsync(SupportFlowApp app, string by, IProgress<ArchiveProgress>? progress = null,
        bool takeOver = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveRunner>()
            .RunAsync(ArchiveKit.May, by, again: true, progress, CancellationToken.None, takeOver);
    }

    private static async Task<ArchiveRun> ClaimAsync(SupportFlowApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().ArchiveRuns.AsNoTracking()
            .SingleAsync(r => r.Month == "2026-05");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string failure)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail(failure);
    }

    /// <summary>Holds the run inside its first batch, as a long month would, until the test lets it go.</summary>
    private sealed class BlockingProgress(ManualResetEventSlim paused, ManualResetEventSlim release) : IProgress<ArchiveProgress>
    {
        public void Report(ArchiveProgress value)
        {
            paused.Set();
            release.Wait(TimeSpan.FromSeconds(60));
        }
    }
}
