using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Sla;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Tickets.Pages;

/// <summary>
/// The engineers' and supervisors' queues, nearest SLA due time first. Each queue is a preset
/// of the API's list filters (the same <see cref="TicketList"/> query), narrowed further by the
/// search box and the filters.
/// </summary>
[Authorize(Policy = WebAuth.Staff)]
public sealed class ConsoleModel(SupportFlowDbContext db, TicketWork work, TimeProvider clock, OrganizationTime org) : WebPage
{
    public const string OpenStatuses = "new,assigned,inProgress,pending,resolved";

    public static readonly string[] Queues = ["mine", "team", "unassigned", "triage", "atRisk", "breached", "open", "done"];

    public string Queue { get; private set; } = "mine";

    public string? Search { get; private set; }

    public string? Priority { get; private set; }

    public string? Module { get; private set; }

    public string? Team { get; private set; }

    public IReadOnlyList<string> Modules { get; private set; } = [];

    public IReadOnlyList<string> TeamNames { get; private set; } = [];

    public IReadOnlyList<TicketResponse> Tickets { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public DateTimeOffset Now { get; private set; }

    /// <summary>The "my team's" queue of someone in no team: empty, with a word on why.</summary>
    public bool NoTeam { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? queue, string? q, string? priority, string? module, string? team,
        string? cursor, CancellationToken ct)
    {
        var query = await FiltersAsync(queue, q, priority, module, team, cursor, ct);
        if (NoTeam)
        {
            return Page();
        }

        try
        {
            var page = (await TicketList.Query(query, HttpContext, db, work, clock, org, ct)).Value!;
            Tickets = page.Items;
            NextCursor = page.NextCursor;
        }
        catch (RequestValidationException e)
        {
            Errors = e.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    /// <summary>The Export link: every ticket of this queue and these filters as CSV or XLSX (the API's export).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? queue, string? q, string? priority, string? module, string? team,
        string? format, [FromServices] SlaSettings sla, CancellationToken ct)
    {
        var query = await FiltersAsync(queue, q, priority, module, team, null, ct);
        if (NoTeam)
        {
            return Page();
        }

        try
        {
            return new HttpResultAction(await TicketExport.DownloadAsync(query, format, Actor, db, sla, org, clock, ct));
        }
        catch (RequestValidationException e)
        {
            Errors = e.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private async Task<TicketListQuery> FiltersAsync(string? queue, string? q, string? priority, string? module, string? team,
        string? cursor, CancellationToken ct)
    {
        Queue = Queues.Contains(queue) ? queue! : "mine";
        Search = q;
        Priority = priority;
        Module = module;
        Modules = await db.Modules.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        TeamNames = [.. teams.Select(t => t.Name)];
        Team = team is { Length: > 0 } ? team : null;
        // "My team's": a chosen team, else every team the person is in; in none, nothing is theirs.
        string[]? teamFilter = Team is not null ? [Team]
            : Queue == "team" ? [.. teams.Where(t => Actor.TeamIds.Contains(t.Id)).Select(t => t.Name)]
            : null;
        NoTeam = teamFilter is [];
        Now = clock.GetUtcNow();

        var (status, assignee, sla) = Queue switch
        {
            "mine" => (OpenStatuses, "me", null),
            "unassigned" => (OpenStatuses, "none", null),
            "triage" => ("new", null, null),
            "atRisk" => (OpenStatuses, null, "atRisk"),
            "breached" => (OpenStatuses, null, "breached"),
            "done" => ("closed,cancelled", null, null),
            _ => (OpenStatuses, (string?)null, (string?)null),
        };
        var query = new TicketListQuery(status, Priority is { Length: > 0 } ? Priority : null, Module is { Length: > 0 } ? Module : null,
            assignee, teamFilter, null, null, sla, Queue == "done" ? null : "slaDue", 50, cursor, q is { Length: > 0 } ? q : null);
        return query;
    }

    /// <summary>This queue's link with the current filters and another value for one of them.</summary>
    public string Link(string? queue = null, string? cursor = null, string? export = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["queue"] = queue ?? Queue, ["q"] = Search, ["priority"] = Priority, ["module"] = Module,
            ["team"] = queue is null or "team" ? Team : null, ["cursor"] = cursor,
            ["handler"] = export is null ? null : "export", ["format"] = export,
        };
        return "/console" + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
