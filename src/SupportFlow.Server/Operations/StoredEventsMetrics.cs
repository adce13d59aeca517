using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Operations;

/// <summary>
/// Counts new tickets and SLA events when they are saved, wherever in the code they were added
/// (intake, any ticket action, the SLA sweep), so no feature has to remember to count. One
/// instance serves every DbContext of the host.
/// </summary>
public sealed class StoredEventsMetrics(SupportFlowMetrics metrics) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Added> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        _saving.AddOrUpdate(context, new Added(
            added.Count(e => e.Entity is Ticket),
            [.. added.Select(e => e.Entity).OfType<TicketSlaEvent>().Select(e => LevelOf(e.Level))]));
    }

    private void Publish(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var added))
        {
            return;
        }

        _saving.Remove(context);
        if (added.Tickets > 0)
        {
            metrics.TicketsCreated.Add(added.Tickets);
        }

        foreach (var level in added.SlaLevels)
        {
            metrics.SlaEvents.Add(1, new KeyValuePair<string, object?>("level", level));
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _saving.Remove(context);
        }
    }

    /// <summary>"escalation:head" -> "escalation": level names are the admin's, a bounded tag set is not.</summary>
    private static string LevelOf(string level) => level.Split(':')[0];

    private sealed record Added(int Tickets, string[] SlaLevels);
}
