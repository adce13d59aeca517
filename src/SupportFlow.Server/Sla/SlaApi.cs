using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Jobs;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Sla;

/// <summary>SLA policies, the business calendar, escalation levels and the breach log.</summary>
public static class SlaApi
{
    public static void MapSlaApi(this IEndpointRouteBuilder app)
    {
        var sla = app.MapGroup("/api/sla").WithTags("SLA").RequireAuthorization(Policies.Staff);
        sla.MapGet("/policies", Policies_);
        sla.MapGet("/policies/{priority}", Policy);
        sla.MapPut("/policies/{priority}", PutPolicy).RequireAuthorization(Policies.Admin);
        sla.MapGet("/escalations", Escalations);
        sla.MapPut("/escalations", PutEscalations).RequireAuthorization(Policies.Admin);
        sla.MapGet("/breaches", SlaBreaches.Query).RequireAuthorization(Policies.Supervisor);

        var calendar = app.MapGroup("/api/calendar").WithTags("SLA").RequireAuthorization(Policies.Staff);
        calendar.MapGet("/", Calendar);
        calendar.MapPut("/", PutCalendar).RequireAuthorization(Policies.Admin);
    }

    private static async Task<Ok<SlaPolicyBody[]>> Policies_(SlaSettings settings, CancellationToken ct) =>
        TypedResults.Ok((await settings.PoliciesAsync(ct)).Values.OrderBy(p => p.Priority).Select(SlaPolicyBody.From).ToArray());

    private static async Task<Ok<SlaPolicyBody>> Policy(string priority, SlaSettings settings, CancellationToken ct) =>
        TypedResults.Ok(SlaPolicyBody.From(await settings.PolicyAsync(ParsePriority(priority), ct)));

    private static async Task<Ok<SlaPolicyBody>> PutPolicy(string priority, SlaPolicyBody body, HttpContext http,
        SlaAdministration sla, CancellationToken ct) =>
        TypedResults.Ok(SlaPolicyBody.From(await sla.PutPolicyAsync(http.User.ToActor(), priority, body, ct)));

    private static async Task<Ok<CalendarBody>> Calendar(SupportFlowDbContext db, SlaSettings settings, CancellationToken ct)
    {
        var week = await db.CalendarWorkingWeek.AsNoTracking().SingleOrDefaultAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(CalendarBody.From(week, days, await settings.CalendarAsync(ct)));
    }

    private static async Task<Ok<CalendarBody>> PutCalendar(CalendarBody body, SlaAdministration sla, CancellationToken ct) =>
        TypedResults.Ok(await sla.PutCalendarAsync(body, ct));

    private static async Task<Ok<EscalationBody[]>> Escalations(SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.SlaEscalations.OrderBy(e => e.AfterBreachMinutes)
            .Select(e => new EscalationBody(e.Name, e.AfterBreachMinutes, e.Notify)).ToArrayAsync(ct));

    /// <summary>Replaces the escalation levels (each: name, minutes after the breach, whom to notify).</summary>
    private static async Task<Ok<EscalationBody[]>> PutEscalations(EscalationBody[] body, SupportFlowDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var levels = body.Select((e, i) => new StoredSlaEscalation
        {
            Name = errors.Name($"[{i}].name", e.Name),
            AfterBreachMinutes = errors.Range($"[{i}].afterBreachMinutes", e.AfterBreachMinutes ?? 0, 1, 525_600) ?? 0,
            Notify = errors.Required($"[{i}].notify", e.Notify, Limits.Name),
        }).ToList();
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
        return TypedResults.Ok(levels.Select(e => new EscalationBody(e.Name, e.AfterBreachMinutes, e.Notify)).ToArray());
    }

    private static Priority ParsePriority(string priority) => SlaAdministration.ParsePriority(priority);
}
