using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Backups;

/// <summary>
/// <c>backup --to</c> beside a running server that keeps taking tickets, <c>restore --from</c> into a
/// fresh data folder, and a server started on what was restored. About the embedded SQLite database,
/// so on SQLite whatever provider the suite runs on; PostgreSQL gets the pg_dump guidance.
/// </summary>
public sealed class BackupCliTests
{
    private const int MostTickets = 400; // stays within one day's three-digit serials

    [Fact]
    public async Task ABackupTakenWhileTicketsAreCreatedRestoresToADatabaseThatOpensAndHoldsEveryAcknowledgedTicket()
    {
        var app = new SupportFlowApp();
        app.Settings["SupportFlow:Database:Provider"] = DatabaseProviders.Sqlite;
        app.Settings["ConnectionStrings:SupportFlow"] = "";
        await using var desk = await Desk.OpenAsync(app);
        var first = await desk.ReportAsync(change: b => b["title"] = "会议室A打印机卡纸");
        Assert.Equal(HttpStatusCode.Created,
            (await AttachmentTests.UploadAsync(desk.Alice, first, Encoding.UTF8.GetBytes("打印机日志"), "printer.log")).StatusCode);
        var backup = CliProcess.NewFolder("backup");
        var restored = CliProcess.NewFolder("restored");
        try
        {
            var acknowledged = new ConcurrentQueue<string>([first]);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 2).Select(_ => KeepReportingAsync(desk, acknowledged, stop.Token)).ToArray();
            while (acknowledged.Count < 5 && !writers.Any(w => w.IsCompleted))
            {
                await Task.Delay(50);
            }

            var beforeBackup = acknowledged.ToHashSet(StringComparer.Ordinal);
            var taken = await CliProcess.RunAsync(["backup", "--to", backup], desk.App.DataDirectory, sqlite: true);
            var duringBackup = acknowledged.Count - beforeBackup.Count;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(taken.ExitCode == 0, taken.ToString());
            Assert.Contains("1 attachment files", taken.Stdout, StringComparison.Ordinal);
            Assert.True(duringBackup > 0, "no ticket was created while the backup ran: the test proves nothing");

            var again = await CliProcess.RunAsync(["backup", "--to", backup], desk.App.DataDirectory, sqlite: true);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("is not empty", again.Stderr, StringComparison.Ordinal);

            var brought = await CliProcess.RunAsync(["restore", "--from", backup], restored, sqlite: true);
            Assert.True(brought.ExitCode == 0, brought.ToString());
            var database = Path.Combine(restored, "supportflow.db");
            Assert.Equal("ok", SqliteBackup.IntegrityCheck(database));
            var numbers = Numbers(database);
            Assert.Empty(beforeBackup.Except(numbers));                      // every ticket acknowledged before: there
            Assert.Empty(numbers.Except(acknowledged));                        // nothing that was not acknowledged
            Assert.Equal(0, Scalar(database, "SELECT COUNT(*) FROM Tickets t WHERE NOT EXISTS (SELECT 1 FROM TicketHistory h WHERE h.TicketId = t.Id)"));
            var files = Directory.GetFiles(Path.Combine(restored, "attachments"), "*", SearchOption.AllDirectories);
            Assert.Equal("打印机日志", await File.ReadAllTextAsync(Assert.Single(files)));

            // The restored folder runs a server that finds the tickets.
            var back = new SupportFlowApp(restored);
            back.Settings["SupportFlow:Database:Provider"] = DatabaseProviders.Sqlite;
            back.Settings["ConnectionStrings:SupportFlow"] = "";
            await using (back)
            {
                var supervisor = await back.ClientForAsync("sup1");
                var ticket = await (await supervisor.GetAsync($"/api/tickets/{first}")).Json(HttpStatusCode.OK);
                Assert.Equal("会议室A打印机卡纸", ticket.Str("title"));
            }

            var notForced = await CliProcess.RunAsync(["restore", "--from", backup], desk.App.DataDirectory, sqlite: true);
            Assert.Equal(1, notForced.ExitCode);
            Assert.Contains("without --force", notForced.Stderr, StringComparison.Ordinal);
            // A server at work holds its database open. Between requests the test server may have
            // closed every connection, so the test holds one open itself, as a busy server does.
            await using (var held = new SqliteConnection($"Data Source={Path.Combine(desk.App.DataDirectory, "supportflow.db")};Pooling=false"))
            {
                await held.OpenAsync();
                var running = await CliProcess.RunAsync(["restore", "--from", backup, "--force"], desk.App.DataDirectory, sqlite: true);
                Assert.Equal(1, running.ExitCode);
                Assert.Contains("is open in process", running.Stderr, StringComparison.Ordinal);
            }

            Assert.Equal(acknowledged.Count, (await desk.Supervisor.AllNumbersAsync("")).Count);
        }
        finally
        {
            CliProcess.DeleteQuietly(backup);
            CliProcess.DeleteQuietly(restored);
        }
    }

    [Fact]
    public async Task OnPostgreSqlBackupRefusesAndNamesPgDump()
    {
        var result = await CliProcess.RunAsync(["backup", "--to", CliProcess.NewFolder("backup"),
            "--SupportFlow:Database:Provider=postgres", "--ConnectionStrings:SupportFlow=Host=db1;Database=desk;Username=sf;Password=secret"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pg_dump --format=custom", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("dbname=desk", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task KeepReportingAsync(Desk desk, ConcurrentQueue<string> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && acknowledged.Count < MostTickets)
        {
            var response = await desk.Alice.PostAsJsonAsync("/api/tickets", Desk.Report(b => b["priority"] = "P4"), CancellationToken.None);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            acknowledged.Enqueue((await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!["number"]!.GetValue<string>());
        }
    }

    private static List<string> Numbers(string database)
    {
        using var connection = Open(database);
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

    private static long Scalar(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}
