using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Server.Operations;
using SupportFlow.Server.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Jobs;

/// <summary>
/// Finds tickets whose next SLA warning, breach or escalation has come (<c>SlaNextEventAt</c>,
/// indexed) and records it. State lives in the database only: each event has a unique key, and
/// each ticket a concurrency token, so a restart or a second node never records one twice.
/// </summary>
public sealed class SlaSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlaSweep> log, SupportFlowMetrics metrics)
    : PeriodicJob(clock, log, metrics)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);
    private const int Batch = 500;

    private static readonly TicketStatus[] Open =
        [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Pending, TicketStatus.Resolved];

    /// <summary>Records every SLA event due by now; returns how many were recorded.</summary>
    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var recorded = 0;
        long afterId = 0;
        while (true)
        {
            List<long> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().Tickets
                    .Where(t => t.SlaNextEventAt <= now && t.Id > afterId)
                    .OrderBy(t => t.Id)
                    .Select(t => t.Id)
                    .Take(Batch)
                    .ToListAsync(cancellationToken);
            }

            foreach (var id in due)
            {
                recorded += await ApplyOneAsync(id, now, cancellationToken);
            }

            if (due.Count < Batch)
            {
                break;
            }

            afterId = due[^1];
        }

        if (recorded > 0)
        {
            Log.LogInformation("Recorded {Count} SLA warnings, breaches and escalations", recorded);
        }

        return recorded;
    }

    /// <summary>One ticket in its own unit of work, so a conflict with another node costs only that ticket.</summary>
    private async Task<int> ApplyOneAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var ticket = await db.Tickets.Include(t => t.ClockIntervals).Include(t => t.SlaEvents).AsSplitQuery()
            .SingleAsync(t => t.Id == id, cancellationToken);
        var recorded = await scope.ServiceProvider.GetRequiredService<SlaSettings>().ApplyAsync(ticket, now, cancellationToken);
        // Warning, breach and escalation notifications (with each level's once-per-ticket record) go into the
        // outbox in the same unit of work as the event.
        await scope.ServiceProvider.GetRequiredService<Notifications.TicketNotices>().AddAsync(ticket, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return recorded.Count;
        }
        catch (DbUpdateException e)
        {
            // Someone else (a user, or the same sweep on another node) changed it first: next sweep looks again.
            Log.LogDebug(e, "Ticket {Id} changed during the SLA sweep; skipped", id);
            return 0;
        }
    }

    /// <summary>
    /// Marks every open ticket for recomputation (after a calendar or escalation change): the next
    /// sweep recomputes their due times.
    /// </summary>
    public static Task<int> RecomputeOpenTicketsAsync(SupportFlowDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.Tickets.Where(t => Open.Contains(t.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SlaNextEventAt, now), ct);
}
