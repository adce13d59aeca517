using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Archive;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Archive;

namespace SupportFlow.IntegrationTests.Archive;

/// <summary>A manual archive of a month that has not ended is provisional: the scheduled job still writes the month (issue 20, item 2).</summary>
public sealed class ProvisionalArchiveTests
{
    [Fact]
    public async Task AnEarlyManualRunDoesNotFinishTheMonthAndTheJobWritesItWithTheLaterTickets()
    {
        await using var desk = await Desk.OpenAsync();
        var early = await desk.ReportAsync();

        // 20 May: `archive --month 2026-05` by hand.
        var provisional = await desk.App.ArchiveAsync(ArchiveKit.May);
        Assert.True(provisional.Provisional);
        Assert.Equal(1, provisional.Manifest.Tickets);
        Assert.Equal(0, await FinishedRunsAsync(desk.App));

        desk.App.Clock.Advance(TimeSpan.FromDays(5));
        var late = await desk.ReportAsync(change: b => b["title"] = "五月底的工单 late in May");

        // 1 June 01:05 in Shanghai: the scheduled job replaces the provisional archive.
        desk.App.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 1, 5, 0, TimeSpan.FromHours(8)));
        var manifest = await WaitForManifestAsync(desk.App.Folder(ArchiveKit.May), tickets: 2);
        Assert.Equal(2, manifest.Tickets);
        var csv = await File.ReadAllTextAsync(Path.Combine(desk.App.Folder(ArchiveKit.May), MonthlyArchive.Csv));
        Assert.Contains(early, csv, StringComparison.Ordinal);
        Assert.Contains(late, csv, StringComparison.Ordinal);
        Assert.Empty(desk.App.Verify(ArchiveKit.May));
        Assert.Equal(1, await FinishedRunsAsync(desk.App));
    }

    [Fact]
    public async Task AManualRunAfterMonthEndIsFinal()
    {
        await using var desk = await Desk.OpenAsync();
        await desk.ReportAsync();

        // 1 June 00:30 in Shanghai: May has ended, though the job's 01:00 has not come.
        desk.App.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 0, 30, 0, TimeSpan.FromHours(8)));
        var result = await desk.App.ArchiveAsync(ArchiveKit.May);
        Assert.False(result.Provisional);
        Assert.Equal(1, await FinishedRunsAsync(desk.App));
    }

    private static async Task<ArchiveManifest> WaitForManifestAsync(string folder, int tickets)
    {
        var path = Path.Combine(folder, ArchiveManifest.FileName);
        ArchiveManifest? manifest = null;
        for (var i = 0; i < 200; i++)
        {
            if (File.Exists(path))
            {
                manifest = JsonSerializer.Deserialize<ArchiveManifest>(await File.ReadAllTextAsync(path), ArchiveFolders.Json);
                if (manifest?.Tickets == tickets)
                {
                    return manifest;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{path} never listed {tickets} tickets (last: {manifest?.Tickets})");
        return null!;
    }

    private static async Task<int> FinishedRunsAsync(SupportFlowApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        return await db.ArchiveRuns.CountAsync(r => r.Month == "2026-05" && r.FinishedAt != null);
    }
}
