using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Jobs;
using SupportFlow.Sla;

namespace SupportFlow.Server.Sla;

/// <summary>Reading and replacing the escalation levels: the admin API and the admin SLA page both call these.</summary>
public sealed class EscalationLevels(SupportFlowDbContext db, TimeProvider clock)
{
    public async Task<EscalationBody[]> ListAsync(CancellationToken ct) =>
        [.. (await db.SlaEscalations.AsNoTracking().OrderBy(e => e.AfterBreachMinutes).ToListAsync(ct)).Select(Body)];

    /// <summary>
    /// Replaces the levels (each: name, minutes after the breach, whom to notify); open tickets are
    /// marked for the next SLA sweep. Every bad field is refused at once and nothing is changed.
    /// </summary>
    public async Task<EscalationBody[]> ReplaceAsync(IReadOnlyList<EscalationBody> body, CancellationToken ct)
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
}
