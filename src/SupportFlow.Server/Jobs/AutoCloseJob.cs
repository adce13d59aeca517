using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Sla;
using SupportFlow.Tickets;

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
    ILogger<AutoCloseJob> log) : PeriodicJob(clock, log)
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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var sla = scope.ServiceProvider.GetRequiredService<SlaSettings>();
        var calendar = await sla.CalendarAsync(cancellationToken);

        // N business days are at least N calendar days: a cheap bound before the exact check.
        var resolvedBefore = now.AddDays(-days);
        var candidates = await db.Tickets
            .Where(t => t.Status == TicketStatus.Resolved && t.ConfirmedAt == null && t.ResolvedAt <= resolvedBefore
                && (t.ReporterRepliedAt == null || t.ReporterRepliedAt < t.ResolvedAt))
            .Include(t => t.ClockIntervals)
            .Include(t => t.SlaEvents)
            .AsSplitQuery()
            .OrderBy(t => t.ResolvedAt)
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var ticket in candidates.Where(t => calendar.AddBusinessDays(t.ResolvedAt!.Value, days) <= now))
        {
            ticket.AutoClose(now);
            await sla.ApplyAsync(ticket, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                closed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }

        if (closed > 0)
        {
            Log.LogInformation("Closed {Count} resolved tickets that the reporter did not answer in {Days} business days", closed, days);
        }

        return closed;
    }
}
