using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Archive;

namespace SupportFlow.IntegrationTests.Archive;

/// <summary><c>archive --month</c> and <c>archive verify --month</c> as a real process beside a running server.</summary>
public sealed class ArchiveCliTests
{
    private static readonly string[] Shanghai = ["--SupportFlow:Organization:TimeZone=Asia/Shanghai"];

    [Fact]
    public async Task VerifyPassesOnAFreshArchiveAndNamesTheFileWhenOneByteChanged()
    {
        await using var desk = await Desk.OpenAsync();
        await desk.ReportAsync(change: b => b["description"] = "打印机显示“纸张卡住”,但无异物");
        var data = desk.App.DataDirectory;

        var archived = await CliProcess.RunAsync(["archive", "--month", "2026-05", .. Shanghai], data);
        Assert.True(archived.ExitCode == 0, archived.ToString());
        Assert.Contains("Archived 1 tickets of 2026-05", archived.Stdout, StringComparison.Ordinal);
        Assert.Equal("", archived.Stderr); // no progress bar when stderr is not a terminal

        var verified = await CliProcess.RunAsync(["archive", "verify", "--month", "2026-05", .. Shanghai], data);
        Assert.True(verified.ExitCode == 0, verified.ToString());

        var csv = Path.Combine(desk.App.Folder(ArchiveKit.May), MonthlyArchive.Csv);
        var bytes = await File.ReadAllBytesAsync(csv);
        bytes[^3] ^= 0x01;
        await File.WriteAllBytesAsync(csv, bytes);
        var refused = await CliProcess.RunAsync(["archive", "verify", "--month", "2026-05", .. Shanghai], data);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{MonthlyArchive.Csv}: changed", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("does NOT verify", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyOfAMonthNeverArchivedOrABadMonthIsRefused()
    {
        var data = CliProcess.NewFolder("data");
        try
        {
            var missing = await CliProcess.RunAsync(["archive", "verify", "--month", "2025-01"], data);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("there is no archive of 2025-01", missing.Stderr, StringComparison.Ordinal);

            var bad = await CliProcess.RunAsync(["archive", "--month", "2026-13"], data);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("--month: '2026-13' is not a month", bad.Stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(data, "archive", "2026-13")));
        }
        finally
        {
            CliProcess.DeleteQuietly(data);
        }
    }

    [Fact]
    public async Task TheCliRefusesAYoungMonthWithExitCode1()
    {
        var data = CliProcess.NewFolder("data");
        try
        {
            var young = await CliProcess.RunAsync(["purge", "--before", "2099-01"], data);
            Assert.Equal(1, young.ExitCode);
            Assert.Contains("younger than the retention period of 12 months", young.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            CliProcess.DeleteQuietly(data);
        }
    }
}
