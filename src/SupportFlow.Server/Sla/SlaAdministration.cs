using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Jobs;
using SupportFlow.Sla;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Sla;

/// <summary>Changing the SLA targets and the business calendar: the admin API and the admin SLA page both call these.</summary>
public sealed class SlaAdministration(SupportFlowDbContext db, OrganizationTime org, TimeProvider clock)
{
    /// <summary>Applies to tickets received (or re-triaged) from now on; running clocks keep the policy they started with.</summary>
    public async Task<SlaPolicy> PutPolicyAsync(Actor actor, string priority, SlaPolicyBody body, CancellationToken ct)
    {
        var policy = body.Parse(ParsePriority(priority));
        var stored = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Priority == policy.Priority, ct)
            ?? db.SlaPolicies.Add(new StoredSlaPolicy(policy.Priority)).Entity;
        stored.FirstResponse = policy.FirstResponse;
        stored.Assignment = policy.Assignment;
        stored.Update = policy.Update;
        stored.Resolution = policy.Resolution;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.UpdatedBy = actor.Login;
        await db.SaveChangesAsync(ct);
        return policy;
    }

    /// <summary>Replaces the calendar; open tickets' due times are recomputed at once.</summary>
    public async Task<CalendarBody> PutCalendarAsync(CalendarBody body, CancellationToken ct)
    {
        var (week, days) = body.Parse();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.CalendarDays.ExecuteDeleteAsync(ct);
        await db.CalendarWorkingWeek.ExecuteDeleteAsync(ct);
        db.CalendarWorkingWeek.Add(week);
        db.CalendarDays.AddRange(days);
        await db.SaveChangesAsync(ct);
        await SlaSweep.RecomputeOpenTicketsAsync(db, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return CalendarBody.From(week, days, SlaSettings.CalendarFrom(week, days, org.Zone));
    }

    public static Priority ParsePriority(string priority) => WireNames.TryParse<Priority>(priority, out var p)
        ? p
        : throw new NotFoundException("There is no priority '{0}': use P1, P2, P3 or P4.", priority);
}
