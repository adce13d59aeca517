using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportFlow.Archive;
using SupportFlow.Common;
using SupportFlow.Data;
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
    private SupportFlowApp _app = null!;
    private HttpClient _admin = null!;
    private HttpClient _supervisor = null!;
    private string _closedMay = "";
    private string _openMay = "";
    private string _closedApril = "";

    public async Task InitializeAsync()
    {
        // Three tickets with the desk's default text on one module would be a recurring problem,
        // whose open review keeps them from the purge (a test below makes that case on purpose).
        var app = new SupportFlowApp();
        app.Settings["SupportFlow:Reviews:RecurringMinTickets"] = "100";
        _desk = await Desk.OpenAsync(app);
        await _desk.App.ArchiveAsync(April); // before the April ticket below was recorded
        _desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        // P3: closing a P1/P2 opens a review, and tickets an open review refers to are kept (a test below).
        _closedMay = await _desk.ReportAsync(change: b => b["priority"] = "P3");
        await _desk.MoveAsync(_closedMay, Stage.Closed, _desk.Alice);
        Assert.Equal(HttpStatusCode.Created,
            (await AttachmentTests.UploadAsync(_desk.Engineer, _closedMay, Encoding.UTF8.GetBytes("日志"), "log.txt")).StatusCode);
        _openMay = await _desk.TicketAtAsync(Stage.InProgress);
        _closedApril = await _desk.ReportAsync(_desk.Engineer, b =>
        {
            b["receivedAt"] = "2026-04-30T23:30+08:00";
            b["occurredAt"] = "2026-04-30T23:00+08:00";
            b["reporter"] = new JsonObject { ["name"] = "张三", ["department"] = "财务部" };
            b["priority"] = "P3";
        });
        await _desk.MoveAsync(_closedApril, Stage.Closed, _desk.Supervisor);
        _desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await _desk.App.ArchiveAsync(ArchiveKit.May);
        // A year later, by restarting on the same data: moving a running server's fake clock a year
        // would fire its one-minute jobs half a million times.
        await _desk.DisposeAsync();
        _app = new SupportFlowApp(_desk.App.DataDirectory, new FakeTimeProvider(June2027));
        _admin = await _app.ClientForAsync("admin");
        _supervisor = await _app.ClientForAsync("sup1");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AMonthYoungerThanTheRetentionPeriodIsRefusedAndNothingIsRemoved()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => PurgeAsync(new ArchiveMonth(2026, 7)));
        Assert.Contains("younger than the retention period of 12 months", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2026-06", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await _supervisor.AllNumbersAsync("")).Count);
    }

    [Fact]
    public async Task AMonthWhoseArchiveLacksATicketOrDoesNotVerifyIsRefusedUntilArchivedAgain()
    {
        var stale = await Assert.ThrowsAsync<DomainException>(() => PurgeAsync(new ArchiveMonth(2026, 6)));
        Assert.Contains($"archive of 2026-04 is older than tickets {_closedApril}", stale.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await _supervisor.AllNumbersAsync("")).Count);

        await _app.ArchiveAsync(April);
        var csv = Path.Combine(_app.Folder(April), MonthlyArchive.Jsonl);
        await File.AppendAllTextAsync(csv, " ");
        var tampered = await Assert.ThrowsAsync<DomainException>(() => PurgeAsync(new ArchiveMonth(2026, 6)));
        Assert.Contains("the archive of 2026-04 does not verify (tickets.jsonl: changed", tampered.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await _supervisor.AllNumbersAsync("")).Count);
    }

    [Fact]
    public async Task ClosedTicketsOfArchivedOldMonthsArePurgedWithTheirHistoryAndFilesAndThePurgeIsAudited()
    {
        await _app.ArchiveAsync(April);
        var files = Directory.GetFiles(Path.Combine(_app.DataDirectory, "attachments"), "*", SearchOption.AllDirectories);
        Assert.Single(files);

        var dry = await PurgeAsync(new ArchiveMonth(2026, 6), dryRun: true);
        Assert.True(dry.DryRun);
        Assert.Equal(2, dry.Record.Tickets);
        Assert.Equal(3, (await _supervisor.AllNumbersAsync("")).Count);

        var done = await PurgeAsync(new ArchiveMonth(2026, 6));
        Assert.False(done.DryRun);
        Assert.Equal(2, done.Record.Tickets);
        Assert.Equal(1, done.Record.Attachments);
        Assert.True(done.Record.HistoryLines > 10);
        Assert.Equal([_openMay], await _supervisor.AllNumbersAsync(""));
        await (await _supervisor.GetAsync($"/api/tickets/{_closedMay}")).Problem(HttpStatusCode.NotFound);
        Assert.False(File.Exists(files[0]));
        Assert.Contains(_closedMay, await File.ReadAllTextAsync(Path.Combine(_app.Folder(ArchiveKit.May), MonthlyArchive.Csv)),
            StringComparison.Ordinal); // the archive keeps it

        var audit = await (await _admin.GetAsync("/api/archive/purges")).JsonArray();
        var record = Assert.Single(audit)!;
        Assert.Equal("2026-06", record.Str("before"));
        Assert.Equal(["2026-04", "2026-05"], record["months"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(2, record["tickets"]!.GetValue<int>());
        Assert.Equal("test-admin", record.Str("by"));
        await (await _supervisor.GetAsync("/api/archive/purges")).Problem(HttpStatusCode.Forbidden);

        // The purge's exception to append-only history ended with it: the trigger is back.
        await AssertHistoryIsAppendOnlyAsync();
    }

    [Fact]
    public async Task TheApiRefusesAYoungMonthWithAProblemAndPurgesAnArchivedOldOneForAdminsOnly()
    {
        var young = await (await _admin.PostAsJsonAsync("/api/archive/purges", new { before = "2026-07" }))
            .Problem(HttpStatusCode.Conflict);
        Assert.Contains("younger than the retention period of 12 months", young.Str("detail"), StringComparison.Ordinal);
        await (await _admin.PostAsJsonAsync("/api/archive/purges", new { before = "June" })).FieldError("before");
        await (await _supervisor.PostAsJsonAsync("/api/archive/purges", new { before = "2026-06" })).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(3, (await _supervisor.AllNumbersAsync("")).Count);

        await _app.ArchiveAsync(April);
        var dry = await (await _admin.PostAsJsonAsync("/api/archive/purges", new { before = "2026-06", dryRun = true }))
            .Json(HttpStatusCode.OK);
        Assert.True(dry["dryRun"]!.GetValue<bool>());
        Assert.Equal(2, dry["tickets"]!.GetValue<int>());
        Assert.Empty(await (await _admin.GetAsync("/api/archive/purges")).JsonArray());

        var done = await (await _admin.PostAsJsonAsync("/api/archive/purges", new { before = "2026-06" })).Json(HttpStatusCode.OK);
        Assert.Equal(2, done["tickets"]!.GetValue<int>());
        Assert.Equal("admin", done.Str("by"));
        Assert.Equal([_openMay], await _supervisor.AllNumbersAsync(""));
        Assert.Single(await (await _admin.GetAsync("/api/archive/purges")).JsonArray());
    }

    [Fact]
    public async Task TicketsAnOpenReviewRefersToAreKept()
    {
        await _app.ArchiveAsync(April);
        (await _supervisor.PostAsJsonAsync("/api/reviews", new { tickets = new[] { _closedApril }, reason = "Recurring" }))
            .EnsureSuccessStatusCode();

        var done = await PurgeAsync(new ArchiveMonth(2026, 6));
        Assert.Equal(1, done.Record.Tickets);
        Assert.Equal([_closedApril, _openMay], (await _supervisor.AllNumbersAsync("")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARemovalThatDoesNotCommitLeavesHistoryAndItsProtectionAsTheyWere()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            var lines = await db.TicketHistory.CountAsync();
            var id = await db.Tickets.Where(t => t.Number == _closedMay).Select(t => t.Id).SingleAsync();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                var removed = await TicketRemoval.DeleteAsync(db, [id], t => true, CancellationToken.None);
                Assert.Equal(1, removed.Tickets);
                // No commit: a failure or a crash from here on rolls back, the dropped trigger with the rows.
            }

            Assert.Equal(lines, await db.TicketHistory.CountAsync());
        }

        await AssertHistoryIsAppendOnlyAsync();
        Assert.Equal(3, (await _supervisor.AllNumbersAsync("")).Count);
    }

    private async Task<PurgeResult> PurgeAsync(ArchiveMonth before, bool dryRun = false)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketPurge>().PurgeAsync(before, "test-admin", dryRun, CancellationToken.None);
    }

    /// <summary>The database itself refuses to delete a history line (SQLite or PostgreSQL trigger).</summary>
    private async Task AssertHistoryIsAppendOnlyAsync()
    {
        await using var db = TestDatabase.OpenContext(_app.DataDirectory);
        var error = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "TicketHistory" """));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }
}
