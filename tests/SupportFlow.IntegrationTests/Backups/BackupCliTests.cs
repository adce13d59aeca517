using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Backups;

/// <summary><c>backup --to</c> beside a running server, and <c>restore --from</c> into a fresh data folder.</summary>
public sealed class BackupCliTests
{
    [Fact]
    public async Task ABackupTakenWhileTheServerRunsRestoresTicketsAndAttachmentsAndRestoreWillNotOverwriteWithoutForce()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync(change: b => b["title"] = "会议室A打印机卡纸");
        Assert.Equal(HttpStatusCode.Created,
            (await AttachmentTests.UploadAsync(desk.Alice, number, Encoding.UTF8.GetBytes("打印机日志"), "printer.log")).StatusCode);
        var backup = CliProcess.NewFolder("backup");
        var restored = CliProcess.NewFolder("restored");
        try
        {
            var taken = await CliProcess.RunAsync(["backup", "--to", backup], desk.App.DataDirectory);
            Assert.True(taken.ExitCode == 0, taken.ToString());
            Assert.Contains("1 attachment files", taken.Stdout, StringComparison.Ordinal);
            await desk.ReportAsync(); // the server goes on working

            var again = await CliProcess.RunAsync(["backup", "--to", backup], desk.App.DataDirectory);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("is not empty", again.Stderr, StringComparison.Ordinal);

            var brought = await CliProcess.RunAsync(["restore", "--from", backup], restored);
            Assert.True(brought.ExitCode == 0, brought.ToString());
            Assert.Equal([number], Numbers(restored));
            var files = Directory.GetFiles(Path.Combine(restored, "attachments"), "*", SearchOption.AllDirectories);
            Assert.Equal("打印机日志", await File.ReadAllTextAsync(Assert.Single(files)));

            var refused = await CliProcess.RunAsync(["restore", "--from", backup], desk.App.DataDirectory);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("without --force", refused.Stderr, StringComparison.Ordinal);
            Assert.Equal(2, Numbers(desk.App.DataDirectory).Count);
        }
        finally
        {
            CliProcess.DeleteQuietly(backup);
            CliProcess.DeleteQuietly(restored);
        }
    }

    private static List<string> Numbers(string dataDirectory)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "supportflow.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Number FROM Tickets ORDER BY Id";
        using var reader = command.ExecuteReader();
        var numbers = new List<string>();
        while (reader.Read())
        {
            numbers.Add(reader.GetString(0));
        }

        return numbers;
    }
}
