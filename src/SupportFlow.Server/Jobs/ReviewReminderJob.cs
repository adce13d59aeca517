using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reviews;
using SupportFlow.Server.Operations;
using SupportFlow.Server.Reviews;

namespace SupportFlow.Server.Jobs;

/// <summary>
/// Records the reminders owed to owners of open preventive actions (due tomorrow, overdue), each
/// once: the unique index on (action, kind, due time) turns a second node's duplicate into a
/// failed insert, which is dropped together with its e-mail (<see cref="ReminderNotices"/>); the
/// outbox delivers the e-mails.
/// </summary>
public sealed class ReviewReminderJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SupportFlowOptions> options,
    ILogger<ReviewReminderJob> log, SupportFlowMetrics metrics)
    : PeriodicJob(clock, log, metrics)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var soon = now + ActionReminders.DueSoonLead;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var actions = await db.PreventiveActions
            .Include(a => a.Owner)
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
            var owed = ActionReminders.Owed(action, now, sent).ToList();
            if (owed.Count == 0)
            {
                continue;
            }

            var title = await db.Reviews.Where(r => r.Id == action.ReviewId).Select(r => r.Title).SingleAsync(cancellationToken);
            foreach (var kind in owed)
            {
                ReminderNotices.Add(db, action, action.ReviewId, title, kind, now, options.Value.Notifications);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                recorded += owed.Count;
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
