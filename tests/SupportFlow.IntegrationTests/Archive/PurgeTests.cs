using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Archive;
using SupportFlow.Common;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;
using SupportFlow.Server.Archive;
using static SupportFlow.IntegrationTests.Tickets.TicketTestKit;

namespace SupportFlow.IntegrationTests.Archive;

/// <summary>
/// Retention: a closed May 2026 ticket with an attachment, an open May ticket, and a closed ticket
/// received on 30 April 2026 after April's (empty) archive was written. The clock then moves to June 2027.
/// </summary>
public sealed class PurgeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset June2027 = new(2027, 6, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly ArchiveMonth April = new(2026, 4);

    private Desk _desk = null!;
    private string _closedMay = "";
    private string _openMay = "";
    private string _closedApril = "";

    public async Task InitializeAsync()
    {
        _desk = await Desk.OpenAsync();
        await _desk.App.ArchiveAsync(April); // before the April ticket below was recorded
        _desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        _closedMay = await _desk.TicketAtAsync(Stage.Closed);
        Assert.Equal(HttpStatusCode.Created,
            (await AttachmentTests.UploadAsync(_desk.Engineer, _closedMay, Encoding.UTF8.GetBytes("日志"), "log.txt")).StatusCode);
        _openMay = await _desk.TicketAtAsync(Stage.InProgress);
        _closedApril = await _desk.ReportAsync(_desk.Engineer, b =>
        {
            b["receivedAt"] = "2026-04-30T23:30+08:00";
            b["occurredAt"] = "2026-04-30T23:00+08:00";
            b["reporter"] = new JsonObject { ["name"] = "张三", ["department"] = "财务部" };
        });
        await _desk.MoveAsync(_closedApril, Stage.Closed, _desk.Supervisor);
        _desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await _desk.App.ArchiveAsync(ArchiveKit.May);
        _desk.App.Clock.SetUtcNow(June2027);
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task AMonthYoungerThanTheRetentionPeriodIsRefusedAndNothingIsRemoved()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => PurgeAsync(new ArchiveMonth(2026, 7)));
        Assert.Contains("younger than the retention period of 12 months", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2026-06", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, await _desk.TicketCountAsync());
    }

    [Fact]
    public async Task AMonthWhoseArchiveLacksATicketOrDoesNotVerifyIsRefusedUntilArchivedAgain()
    {
        var stale = await Assert.ThrowsAsync<DomainException>(() => PurgeAsync(new ArchiveMonth(2026, 6)));
        Assert.Contains($"archive of 2026-04 is older than tickets {_closedApril}", stale.Message, StringComparison.Ordinal);
        Assert.Equal(3, await _desk.TicketCountAsync());

        await _desk.App.ArchiveAsync(April);
        var csv = Path.Combine(_desk.App.Folder(April), MonthlyArchive.Jsonl);
        await File.AppendAllTextAsync(csv, " ");
        var tampered = await Assert.ThrowsAsync<DomainException>(() => PurgeAsync(new ArchiveMonth(2026, 6)));
        Assert.Contains("the archive of 2026-04 does not verify (tickets.jsonl: changed", tampered.Message, StringComparison.Ordinal);
        Assert.Equal(3, await _desk.TicketCountAsync());
    }

    [Fact]
    public async Task ClosedTicketsOfArchivedOldMonthsArePurgedWithTheirHistoryAndFilesAndThePurgeIsAudited()
    {
        await _desk.App.ArchiveAsync(April);
        var files = Directory.GetFiles(Path.Combine(_desk.App.DataDirectory, "attachments"), "*", SearchOption.AllDirectories);
        Assert.Single(files);

        var dry = await PurgeAsync(new ArchiveMonth(2026, 6), dryRun: true);
        Assert.True(dry.DryRun);
        Assert.Equal(2, dry.Record.Tickets);
        Assert.Equal(3, await _desk.TicketCountAsync());

        var done = await PurgeAsync(new ArchiveMonth(2026, 6));
        Assert.False(done.DryRun);
        Assert.Equal(2, done.Record.Tickets);
        Assert.Equal(1, done.Record.Attachments);
        Assert.True(done.Record.HistoryLines > 10);
        Assert.Equal([_openMay], await _desk.Supervisor.AllNumbersAsync(""));
        await (await _desk.Supervisor.GetAsync($"/api/tickets/{_closedMay}")).Problem(HttpStatusCode.NotFound);
        Assert.False(File.Exists(files[0]));
        Assert.Contains(_closedMay, await File.ReadAllTextAsync(Path.Combine(_desk.App.Folder(ArchiveKit.May), MonthlyArchive.Csv)),
            StringComparison.Ordinal); // the archive keeps it

        var audit = await (await _desk.Admin.GetAsync("/api/archive/purges")).JsonArray();
        var record = Assert.Single(audit)!;
        Assert.Equal("2026-06", record.Str("before"));
        Assert.Equal(["2026-04", "2026-05"], record["months"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(2, record["tickets"]!.GetValue<int>());
        Assert.Equal("test-admin", record.Str("by"));
        await (await _desk.Supervisor.GetAsync("/api/archive/purges")).Problem(HttpStatusCode.Forbidden);

        // The purge's exception to append-only history ended with it: the trigger is back.
        var error = Assert.Throws<SqliteException>(() => Execute("DELETE FROM TicketHistory"));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    private async Task<PurgeResult> PurgeAsync(ArchiveMonth before, bool dryRun = false)
    {
        await using var scope = _desk.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketPurge>().PurgeAsync(before, "test-admin", dryRun, CancellationToken.None);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_desk.App.DataDirectory, "supportflow.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
