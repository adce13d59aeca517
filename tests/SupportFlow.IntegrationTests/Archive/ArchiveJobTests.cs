using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.Archive;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Archive;

namespace SupportFlow.IntegrationTests.Archive;

/// <summary>The scheduled archive: the first of the month at 01:00 in Shanghai, once.</summary>
public sealed class ArchiveJobTests
{
    [Fact]
    public async Task MaysArchiveAppearsOnTheFirstOfJuneAt0100ShanghaiTimeAndIsWrittenOnce()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();
        var folder = desk.App.Folder(ArchiveKit.May);

        // 1 June 00:55 in Shanghai: not yet.
        desk.App.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 0, 55, 0, TimeSpan.FromHours(8)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(Directory.Exists(folder), "archived before 01:00");

        desk.App.Clock.Advance(TimeSpan.FromMinutes(5));
        var manifest = await WaitForManifestAsync(folder);
        Assert.Equal(1, manifest.Tickets);
        Assert.Contains(number, await File.ReadAllTextAsync(Path.Combine(folder, MonthlyArchive.Csv)), StringComparison.Ordinal);
        Assert.Empty(desk.App.Verify(ArchiveKit.May));

        // Later sweeps (this node or another) find the month done and leave it as it is.
        desk.App.Clock.Advance(TimeSpan.FromMinutes(5));
        desk.App.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(manifest.GeneratedAt, (await WaitForManifestAsync(folder)).GeneratedAt);
        Assert.Equal(1, await FinishedRunsAsync(desk.App, "2026-05"));
    }

    private static async Task<ArchiveManifest> WaitForManifestAsync(string folder)
    {
        var path = Path.Combine(folder, ArchiveManifest.FileName);
        for (var i = 0; i < 200 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(path), $"{path} did not appear");
        return JsonSerializer.Deserialize<ArchiveManifest>(await File.ReadAllTextAsync(path), ArchiveFolders.Json)!;
    }

    private static async Task<int> FinishedRunsAsync(SupportFlowApp app, string month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        return await db.ArchiveRuns.CountAsync(r => r.Month == month && r.FinishedAt != null);
    }
}
