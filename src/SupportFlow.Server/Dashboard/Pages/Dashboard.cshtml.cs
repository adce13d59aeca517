using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Knowledge;
using SupportFlow.Server.Recurring;
using SupportFlow.Server.Reviews;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Web;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Dashboard.Pages;

/// <summary>
/// The supervisor's view of the desk: what is open (by priority and status), how the SLA is
/// kept (the API's SLA report over the last 30 days, breaches since midnight), how old the
/// backlog is, who carries it, and what reporters think.
/// </summary>
[Authorize(Policy = WebAuth.Supervisor)]
public sealed class DashboardModel(SupportFlowDbContext db, SlaSettings settings, TimeProvider clock, OrganizationTime org)
    : WebPage
{
    public int OpenCount { get; private set; }

    public IReadOnlyList<(Priority Priority, int Count)> OpenByPriority { get; private set; } = [];

    public IReadOnlyList<(TicketStatus Status, int Count)> OpenByStatus { get; private set; } = [];

    public SlaReportResponse Sla { get; private set; } = null!;

    /// <summary>Targets met on time over targets decided (met or breached), all priorities and targets together.</summary>
    public double? Attainment { get; private set; }

    public int BreachesToday { get; private set; }

    public IReadOnlyList<(string Age, int Count)> BacklogAge { get; private set; } = [];

    public IReadOnlyList<(string Name, int Count)> Workload { get; private set; } = [];

    public int Unassigned { get; private set; }

    public IReadOnlyList<int> RatingCounts { get; private set; } = [];

    public double? AverageRating { get; private set; }

    /// <summary>Reviews open and overdue preventive actions (<c>/api/reports/reviews</c>).</summary>
    public ReviewReportResponse Reviews { get; private set; } = null!;

    /// <summary>Modules with the most recurring-problem reviews, last 90 days (<c>/api/reports/recurring</c>).</summary>
    public RecurringReportResponse Recurring { get; private set; } = null!;

    /// <summary>Handbook articles that spared a report, last 30 days (<c>/api/reports/faq</c>).</summary>
    public FaqReportResponse Deflections { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await db.Tickets.AsNoTracking()
            .Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.Assigned || t.Status == TicketStatus.InProgress
                        || t.Status == TicketStatus.Pending || t.Status == TicketStatus.Resolved)
            .Select(t => new { t.Priority, t.Status, t.ReceivedAt, Owner = t.Assignee == null ? null : t.Assignee.Name })
            .ToListAsync(ct);
        OpenCount = open.Count;
        OpenByPriority = [.. Enum.GetValues<Priority>().Select(p => (p, open.Count(t => t.Priority == p)))];
        OpenByStatus = [.. Enum.GetValues<TicketStatus>().Where(s => s is not (TicketStatus.Closed or TicketStatus.Cancelled))
            .Select(s => (s, open.Count(t => t.Status == s)))];

        // Backlog: what still needs work (a resolved ticket waits on its reporter).
        BacklogAge = SupportFlow.Reports.BacklogAge.Count(
            open.Where(t => t.Status != TicketStatus.Resolved).Select(t => t.ReceivedAt), now);
        Workload = [.. open.Where(t => t.Owner is not null && t.Status != TicketStatus.Resolved)
            .GroupBy(t => t.Owner!).Select(g => (g.Key, g.Count())).OrderByDescending(w => w.Item2).ThenBy(w => w.Key, StringComparer.Ordinal)];
        Unassigned = open.Count(t => t.Owner is null);

        Sla = (await SlaReport.Get(null, null, db, settings, clock, org, ct)).Value!;
        var decided = Sla.Priorities.SelectMany(p => new[] { p.FirstResponse, p.Assignment, p.Update, p.Resolution }).ToList();
        var met = decided.Sum(a => a.MetOnTime);
        var breached = decided.Sum(a => a.Breached);
        Attainment = met + breached == 0 ? null : (double)met / (met + breached);

        var local = org.Local(now);
        var midnight = new DateTimeOffset(local.Date, local.Offset);
        BreachesToday = await db.TicketSlaEvents.CountAsync(e => e.Level == SlaTargets.Breach && e.At >= midnight, ct);

        var since = now.AddDays(-30);
        var ratings = await db.Tickets.AsNoTracking().Where(t => t.Rating != null && t.ReceivedAt >= since)
            .Select(t => t.Rating!.Value).ToListAsync(ct);
        RatingCounts = [.. Enumerable.Range(1, 5).Select(stars => ratings.Count(r => r == stars))];
        AverageRating = ratings.Count == 0 ? null : ratings.Average();

        Reviews = (await ReviewReport.Get(db, org, clock, ct)).Value!;
        Recurring = (await RecurringReport.Get(null, null, db, clock, org, ct)).Value!;
        Deflections = (await FaqReport.Get(null, null, db, clock, org, ct)).Value!;
    }

    /// <summary>The share of decided targets met on time for one priority, for the attainment chart.</summary>
    public static double? AttainmentOf(SlaPriorityReport report)
    {
        var all = new[] { report.FirstResponse, report.Assignment, report.Update, report.Resolution };
        var met = all.Sum(a => a.MetOnTime);
        var breached = all.Sum(a => a.Breached);
        return met + breached == 0 ? null : (double)met / (met + breached);
    }
}
