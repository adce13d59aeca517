using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Sla;

public sealed record SlaEventResponse(string Number, string Title, Priority Priority, string Target, string Level,
    DateTimeOffset DueAt, DateTimeOffset RecordedAt, string? Assignee, string? Team);

/// <summary>
/// <c>GET /api/sla/breaches?from&amp;to&amp;level</c>: breaches (and escalations) recorded in [from, to),
/// newest first. <c>level=warning</c> lists the 80% warnings instead, <c>level=all</c> everything.
/// </summary>
public static class SlaBreaches
{
    public static async Task<Ok<SlaEventResponse[]>> Query(string? from, string? to, string? level,
        SupportFlowDbContext db, TimeProvider clock, OrganizationTime org, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var now = clock.GetUtcNow();
        var start = errors.PeriodBound("from", from, org, PeriodEnd.From) ?? now.AddDays(-7);
        var end = errors.PeriodBound("to", to, org, PeriodEnd.To) ?? now;
        var wanted = level?.Trim().ToLowerInvariant() switch
        {
            null or "" or "breach" => "breach",
            "warning" => SlaTargets.Warning,
            "all" => "all",
            _ => null,
        };
        if (wanted is null)
        {
            errors.Add("level", "level is breach (breaches and escalations, the default), warning or all.");
        }

        errors.ThrowIfInvalid();
        var events = db.TicketSlaEvents.AsNoTracking().Where(e => e.At >= start && e.At < end);
        events = wanted switch
        {
            "breach" => events.Where(e => e.Level != SlaTargets.Warning),
            "warning" => events.Where(e => e.Level == SlaTargets.Warning),
            _ => events,
        };
        var rows = await events
            .Join(db.Tickets, e => e.TicketId, t => t.Id, (e, t) => new
            {
                t.Number, t.Title, t.Priority, e.Target, e.Level, e.DueAt, e.At,
                Assignee = t.Assignee!.Login, Team = t.Team!.Name,
            })
            .OrderByDescending(r => r.At).Take(1000)
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new SlaEventResponse(r.Number, r.Title, r.Priority, r.Target, r.Level,
            org.Local(r.DueAt), org.Local(r.At), r.Assignee, r.Team)).ToArray());
    }
}
