using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Sla;

/// <summary>How one target fared over the tickets of a period.</summary>
public sealed record SlaAttainment(int MetOnTime, int Breached, int Open, double? Attainment);

public sealed record SlaPriorityReport(Priority Priority, int Tickets, SlaAttainment FirstResponse, SlaAttainment Assignment,
    SlaAttainment Update, SlaAttainment Resolution);

public sealed record SlaReportResponse(DateTimeOffset From, DateTimeOffset To, int Tickets, SlaPriorityReport[] Priorities,
    double? MeanMinutesToRespond, double? MeanMinutesToAssign, double? MeanMinutesToResolve);

/// <summary>
/// <c>GET /api/reports/sla?from&amp;to</c>: for tickets received in [from, to), per priority and
/// target, how many were met on time, breached, or are still running; and the mean times.
/// </summary>
public static class SlaReport
{
    public static void MapSlaReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/sla", Get).WithName("ReportsGetSla").WithSummary("Reports: the SLA report").WithTags("Reports").RequireAuthorization(Policies.Supervisor);

    internal static async Task<Ok<SlaReportResponse>> Get(string? from, string? to, SupportFlowDbContext db, SlaSettings settings,
        TimeProvider clock, OrganizationTime org, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var now = clock.GetUtcNow();
        var start = errors.PeriodBound("from", from, org, PeriodEnd.From) ?? now.AddDays(-30);
        var end = errors.PeriodBound("to", to, org, PeriodEnd.To) ?? now;
        if (end <= start)
        {
            errors.Add("to", "to must be after from.");
        }

        errors.ThrowIfInvalid();
        var (tickets, priorities) = await AttainmentAsync(
            db.Tickets.AsNoTracking().Where(t => t.ReceivedAt >= start && t.ReceivedAt < end), settings, now, ct);
        return TypedResults.Ok(new SlaReportResponse(org.Local(start), org.Local(end), tickets.Count, priorities,
            Mean(tickets.Select(t => t.FirstRespondedAt - t.ReceivedAt)),
            Mean(tickets.Select(t => t.FirstAssignedAt - t.ReceivedAt)),
            Mean(tickets.Select(t => t.ResolvedAt - t.ReceivedAt))));
    }

    /// <summary>
    /// Attainment per priority and target of <paramref name="received"/> (cancelled tickets left
    /// out), measured at <paramref name="now"/>; also the tickets measured. Shared with the reports API.
    /// </summary>
    internal static async Task<(List<Ticket> Tickets, SlaPriorityReport[] Priorities)> AttainmentAsync(IQueryable<Ticket> received,
        SlaSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var calendar = await settings.CalendarAsync(ct);
        var tickets = await received.Where(t => t.Status != TicketStatus.Cancelled).Include(t => t.ClockIntervals).ToListAsync(ct);
        var measured = tickets.Select(t => (Ticket: t, Sla: t.SlaAt(calendar, now))).ToList();
        var priorities = measured.GroupBy(m => m.Ticket.Priority).OrderBy(g => g.Key).Select(g => new SlaPriorityReport(
            g.Key, g.Count(),
            Attain(g.Select(m => m.Sla.FirstResponse)), Attain(g.Select(m => m.Sla.Assignment)),
            Attain(g.Select(m => m.Sla.Update)), Attain(g.Select(m => m.Sla.Resolution)))).ToArray();
        return (tickets, priorities);
    }

    private static SlaAttainment Attain(IEnumerable<SlaTargetState> states)
    {
        var applying = states.Where(s => s.Applies).ToList();
        var breached = applying.Count(s => s.Breached);
        var met = applying.Count(s => s.IsMet && !s.Breached);
        var open = applying.Count - breached - met;
        return new SlaAttainment(met, breached, open, met + breached == 0 ? null : Math.Round((double)met / (met + breached), 4));
    }

    private static double? Mean(IEnumerable<TimeSpan?> spans)
    {
        var values = spans.OfType<TimeSpan>().ToList();
        return values.Count == 0 ? null : Math.Round(values.Average(v => v.TotalMinutes), 1);
    }
}
