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

    /// <summary>Applies to tickets received (or re-triaged) from now on; running clocks keep the policy they started with.</summary>
    internal static async Task<Ok<SlaPolicyBody>> PutPolicy(string priority, SlaPolicyBody body, HttpContext http,
        SupportFlowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var policy = body.Parse(ParsePriority(priority));
        var stored = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Priority == policy.Priority, ct)
            ?? db.SlaPolicies.Add(new StoredSlaPolicy(policy.Priority)).Entity;
        stored.FirstResponse = policy.FirstResponse;
        stored.Assignment = policy.Assignment;
        stored.Update = policy.Update;
        stored.Resolution = policy.Resolution;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.UpdatedBy = http.User.ToActor().Login;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SlaPolicyBody.From(policy));
    }

    private static async Task<Ok<CalendarBody>> Calendar(SupportFlowDbContext db, SlaSettings settings, CancellationToken ct)
    {
        var week = await db.CalendarWorkingWeek.AsNoTracking().SingleOrDefaultAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(CalendarBody.From(week, days, await settings.CalendarAsync(ct)));
    }

    /// <summary>Replaces the calendar; open tickets' due times are recomputed by the next SLA sweep.</summary>
    internal static async Task<Ok<CalendarBody>> PutCalendar(CalendarBody body, SupportFlowDbContext db, OrganizationTime org,
        TimeProvider clock, CancellationToken ct)
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
        return TypedResults.Ok(CalendarBody.From(week, days, SlaSettings.CalendarFrom(week, days, org.Zone)));
    }

    private static async Task<Ok<EscalationBody[]>> Escalations(EscalationLevels levels, CancellationToken ct) =>
        TypedResults.Ok(await levels.ListAsync(ct));

    private static async Task<Ok<EscalationBody[]>> PutEscalations(EscalationBody[] body, EscalationLevels levels, CancellationToken ct) =>
        TypedResults.Ok(await levels.ReplaceAsync(body, ct));

    private static Priority ParsePriority(string priority) => WireNames.TryParse<Priority>(priority, out var p)
        ? p
        : throw new NotFoundException("There is no priority '{0}': use P1, P2, P3 or P4.", priority);
}
