using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Jobs;
using SupportFlow.Sla;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Sla;

/// <summary>Changing the SLA targets, the business calendar and the escalation levels: the admin API and the admin SLA page both call these.</summary>
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

    public async Task<EscalationBody[]> EscalationsAsync(CancellationToken ct) =>
        [.. (await db.SlaEscalations.AsNoTracking().OrderBy(e => e.AfterBreachMinutes).ToListAsync(ct)).Select(Body)];

    /// <summary>
    /// Replaces the levels (each: name, minutes after the breach, whom to notify); open tickets are
    /// marked for the next SLA sweep. Every bad field is refused at once and nothing is changed.
    /// </summary>
    public async Task<EscalationBody[]> PutEscalationsAsync(IReadOnlyList<EscalationBody> body, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var levels = new List<StoredSlaEscalation>();
        for (var i = 0; i < body.Count; i++)
        {
            var level = new StoredSlaEscalation
            {
                Name = errors.Name($"[{i}].name", body[i].Name),
                AfterBreachMinutes = errors.Range($"[{i}].afterBreachMinutes", body[i].AfterBreachMinutes ?? 0, 1, 525_600) ?? 0,
            };
            if (await TargetAsync($"[{i}].notify", body[i].Notify, errors, ct) is { } target)
            {
                level.Notify = target.ToString();
            }

            levels.Add(level);
        }

        foreach (var twice in levels.GroupBy(l => l.Name).Where(g => g.Count() > 1))
        {
            errors.Add("name", "Escalation '{0}' is listed twice.", twice.Key);
        }

        errors.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SlaEscalations.ExecuteDeleteAsync(ct);
        db.SlaEscalations.AddRange(levels);
        await db.SaveChangesAsync(ct);
        await SlaSweep.RecomputeOpenTicketsAsync(db, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return [.. levels.OrderBy(l => l.AfterBreachMinutes).Select(Body)];
    }

    /// <summary>A level's target: one of the wire forms, and for <c>user:&lt;login&gt;</c> a user who exists.</summary>
    private async Task<EscalationTarget?> TargetAsync(string field, string? notify, RequestErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(notify))
        {
            errors.Add(field, "{0} is required: one of {1}.", field, EscalationTarget.Allowed);
            return null;
        }

        if (!EscalationTarget.TryParse(notify, out var target))
        {
            errors.Add(field, "'{0}' is not a valid notify target: use one of {1}.", RequestErrors.Shorten(notify),
                EscalationTarget.Allowed);
            return null;
        }

        if (target.Login is { } login && !await db.Users.AnyAsync(u => u.Login == login, ct))
        {
            errors.Add(field, "There is no user '{0}' to notify.", login);
            return null;
        }

        return target;
    }

    private static EscalationBody Body(StoredSlaEscalation level) =>
        new(level.Name, level.AfterBreachMinutes, EscalationTarget.FromStored(level.Notify).ToString());

    public static Priority ParsePriority(string priority) => WireNames.TryParse<Priority>(priority, out var p)
        ? p
        : throw new NotFoundException("There is no priority '{0}': use P1, P2, P3 or P4.", priority);
}
