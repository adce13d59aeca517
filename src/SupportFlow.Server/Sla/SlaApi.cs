using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
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

    private static async Task<Ok<EscalationBody[]>> Escalations(SlaAdministration sla, CancellationToken ct) =>
        TypedResults.Ok(await sla.EscalationsAsync(ct));

    private static async Task<Ok<EscalationBody[]>> PutEscalations(EscalationBody[] body, SlaAdministration sla, CancellationToken ct) =>
        TypedResults.Ok(await sla.PutEscalationsAsync(body, ct));

    private static Priority ParsePriority(string priority) => SlaAdministration.ParsePriority(priority);
}
