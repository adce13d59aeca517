using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reports;
using SupportFlow.Server.Tickets;
using SupportFlow.Tickets;
using Microsoft.EntityFrameworkCore;

namespace SupportFlow.Server.Reports;

/// <summary>
/// The query string every report takes: the period (<c>from</c>, <c>to</c>: YYYY-MM-DD in the
/// organisation's zone, both included, or ISO 8601 times with offset, [from, to)), the filters (<c>module</c>, <c>team</c> by name,
/// <c>department</c> of the reporter, <c>priority</c> and <c>channel</c> as comma lists) and the
/// <c>format</c> (json, csv or xlsx).
/// </summary>
public sealed record ReportRequest(string? From, string? To, string? Module, string? Team, string? Department,
    string? Priority, string? Channel, string? Format)
{
    /// <summary>
    /// Checks every field against the database (a module or team must exist); throws the per-field
    /// 400 when any is bad, together with what <paramref name="errors"/> already holds (a report's own parameters).
    /// </summary>
    public async Task<ReportScope> ParseAsync(SupportFlowDbContext db, TimeProvider clock, OrganizationTime org, CancellationToken ct,
        RequestErrors? errors = null)
    {
        errors ??= new RequestErrors();
        var now = clock.GetUtcNow();
        var (period, start, end) = ReportPeriod.Parse(errors, From, To, org, now);
        var format = Format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => ReportFormat.Json,
            "csv" => ReportFormat.Csv,
            "xlsx" => ReportFormat.Xlsx,
            _ => Refuse(errors, "format", "format is json (the default), csv or xlsx."),
        };
        var module = errors.Optional("module", Module, Limits.Name);
        var team = errors.Optional("team", Team, Limits.Name);
        var department = errors.Optional("department", Department, Limits.Name);
        var priorities = TicketList.ParseList<global::SupportFlow.Tickets.Priority>(errors, "priority", Priority);
        var channels = TicketList.ParseList<global::SupportFlow.Tickets.Channel>(errors, "channel", Channel);

        int? moduleId = null, teamId = null;
        if (module is not null)
        {
            moduleId = await db.Modules.Where(m => m.Name == module).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
            if (moduleId is null)
            {
                errors.Add("module", "There is no module named '{0}'.", module);
            }
        }

        if (team is not null)
        {
            teamId = await db.Teams.Where(t => t.Name == team).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
            if (teamId is null)
            {
                errors.Add("team", "There is no team named '{0}'.", team);
            }
        }

        errors.ThrowIfInvalid();
        return new ReportScope(period, start, end, now, format,
            new ReportFilters(module, moduleId, team, teamId, department, priorities, channels));
    }

    private static ReportFormat Refuse(RequestErrors errors, string field, string key)
    {
        errors.Add(field, key);
        return ReportFormat.Json;
    }
}

public enum ReportFormat
{
    Json,
    Csv,
    Xlsx,
}

/// <summary>The filters a report was asked for, by name as given and by id as found.</summary>
public sealed record ReportFilters(string? Module, int? ModuleId, string? Team, int? TeamId, string? Department,
    IReadOnlyList<Priority> Priorities, IReadOnlyList<Channel> Channels)
{
    public static readonly ReportFilters None = new(null, null, null, null, null, [], []);
}

/// <summary>A checked report request: the period as dates and as UTC instants [Start, End), "now", the filters.</summary>
public sealed record ReportScope(ReportPeriod Period, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Now,
    ReportFormat Format, ReportFilters Filters)
{
    /// <summary>The filtered tickets, whenever received.</summary>
    public IQueryable<Ticket> Tickets(SupportFlowDbContext db)
    {
        var tickets = db.Tickets.AsNoTracking();
        var f = Filters;
        if (f.ModuleId is { } module)
        {
            tickets = tickets.Where(t => t.ModuleId == module);
        }

        if (f.TeamId is { } team)
        {
            tickets = tickets.Where(t => t.TeamId == team);
        }

        if (f.Department is { } department)
        {
            tickets = tickets.Where(t => t.Reporter.Department == department);
        }

        if (f.Priorities.Count > 0)
        {
            var priorities = f.Priorities.ToList();
            tickets = tickets.Where(t => priorities.Contains(t.Priority));
        }

        if (f.Channels.Count > 0)
        {
            var channels = f.Channels.ToList();
            tickets = tickets.Where(t => channels.Contains(t.Channel));
        }

        return tickets;
    }

    /// <summary>The filtered tickets received in the period: the population of most reports.</summary>
    public IQueryable<Ticket> Received(SupportFlowDbContext db) =>
        Tickets(db).Where(t => t.ReceivedAt >= Start && t.ReceivedAt < End);

    /// <summary>The filtered tickets still being worked on now (a resolved ticket waits on its reporter, not on the desk).</summary>
    public IQueryable<Ticket> Backlog(SupportFlowDbContext db) =>
        Tickets(db).Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.Assigned
                               || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.Pending);
}
