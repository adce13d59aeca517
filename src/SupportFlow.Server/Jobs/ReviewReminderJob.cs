using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Reviews;

namespace SupportFlow.Server.Jobs;

/// <summary>
/// Records the reminders owed to owners of open preventive actions (due tomorrow, overdue), each
/// once: the unique index on (action, kind, due time) turns a second node's duplicate into a
/// failed insert, which is dropped. The rows wait in <c>ReviewReminders</c> for delivery.
/// </summary>
public sealed class ReviewReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReviewReminderJob> log)
    : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var soon = now + ActionReminders.DueSoonLead;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var actions = await db.PreventiveActions
            .Where(a => a.Status == ActionStatus.Open && a.DueAt <= soon)
            .OrderBy(a => a.DueAt)
            .ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var action in actions)
        {
            var sent = await db.ReviewReminders
                .Where(r => r.ActionId == action.Id && r.DueAt == action.DueAt)
                .Select(r => r.Kind)
                .ToListAsync(cancellationToken);
            foreach (var kind in ActionReminders.Owed(action, now, sent))
            {
                db.ReviewReminders.Add(new ReviewReminder(action, kind, ActionReminders.Message(action, action.ReviewId, kind), now));
            }

            try
            {
                recorded += await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another node recorded it first
            }
        }

        if (recorded > 0)
        {
            Log.LogInformation("Recorded {Count} preventive-action reminders", recorded);
        }

        return recorded;
    }
}
