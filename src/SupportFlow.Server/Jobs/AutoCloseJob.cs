using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Operations;
using SupportFlow.Server.Reviews;
using SupportFlow.Server.Sla;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Jobs;

/// <summary>
/// SPEC: "a resolved ticket with no answer from the reporter closes itself after a configurable
/// time (default 3 business days), recorded as closed without confirmation". Sweeps every few
/// minutes; a ticket changed meanwhile by someone else (or another node) is skipped by its
/// concurrency token and looked at again next time.
/// </summary>
public sealed class AutoCloseJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<SupportFlowOptions> options,
    ILogger<AutoCloseJob> log,
    SupportFlowMetrics metrics) : PeriodicJob(clock, log, metrics)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    /// <summary>Closes every resolved, unconfirmed ticket whose answer period has run out; returns how many.</summary>
    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.Tickets.AutoCloseAfterBusinessDays;
        if (days <= 0)
        {
            return 0;
        }

        var now = Clock.GetUtcNow();
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            var calendar = await scope.ServiceProvider.GetRequiredService<SlaSettings>().CalendarAsync(cancellationToken);

            // N business days are at least N calendar days: a cheap bound before the exact check.
            var resolvedBefore = now.AddDays(-days);
            var candidates = await db.Tickets
                .Where(t => t.Status == TicketStatus.Resolved && t.ConfirmedAt == null && t.ResolvedAt <= resolvedBefore
                    && (t.ReporterRepliedAt == null || t.ReporterRepliedAt < t.ResolvedAt))
                .OrderBy(t => t.ResolvedAt)
                .Select(t => new { t.Id, t.ResolvedAt })
                .ToListAsync(cancellationToken);
            due = [.. candidates.Where(t => calendar.AddBusinessDays(t.ResolvedAt!.Value, days) <= now).Select(t => t.Id)];
        }

        var closed = 0;
        foreach (var id in due)
        {
            closed += await CloseOneAsync(id, now, cancellationToken) ? 1 : 0;
        }

        if (closed > 0)
        {
            Log.LogInformation("Closed {Count} resolved tickets that the reporter did not answer in {Days} business days", closed, days);
        }

        return closed;
    }

    /// <summary>
    /// One ticket in its own unit of work: a ticket the reporter answered meanwhile, or that another
    /// node closed first, fails on its concurrency token and costs only itself.
    /// </summary>
    private async Task<bool> CloseOneAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var ticket = await db.Tickets.Include(t => t.ClockIntervals).Include(t => t.SlaEvents).AsSplitQuery()
            .SingleAsync(t => t.Id == id, cancellationToken);
        if (ticket.Status != TicketStatus.Resolved || ticket.ConfirmedAt is not null)
        {
            return false;
        }

        ticket.AutoClose(now);
        await scope.ServiceProvider.GetRequiredService<ReviewOpening>().OnTicketClosedAsync(ticket, Actor.System, now, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SlaSettings>().ApplyAsync(ticket, now, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Notifications.TicketNotices>().AddAsync(ticket, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseProviders.IsLostRace(e))
        {
            return false;
        }
    }
}
