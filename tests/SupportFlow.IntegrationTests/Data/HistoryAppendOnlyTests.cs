using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Data;

/// <summary>
/// History is evidence: the database itself (a trigger on SQLite and on PostgreSQL) refuses to
/// edit or delete a line, also for SQL that bypasses the DbContext's own check.
/// </summary>
public sealed class HistoryAppendOnlyTests
{
    [Fact]
    public async Task TheDatabaseRefusesToUpdateOrDeleteHistoryLines()
    {
        await using var desk = await Desk.OpenAsync();
        var number = await desk.ReportAsync();
        await using var scope = desk.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var lines = db.TicketHistory.Where(h => h.TicketId == db.Tickets.Single(t => t.Number == number).Id);
        var before = await lines.CountAsync();
        Assert.True(before > 0);

        var update = await Assert.ThrowsAnyAsync<Exception>(() =>
            lines.ExecuteUpdateAsync(s => s.SetProperty(h => h.ActorName, "someone else")));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => lines.ExecuteDeleteAsync());

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(before, await lines.CountAsync(h => h.ActorName != "someone else"));
    }
}
