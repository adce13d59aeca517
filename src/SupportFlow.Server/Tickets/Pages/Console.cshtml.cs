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

    public static readonly string[] Queues = ["mine", "team", "unassigned", "triage", "atRisk", "breached", "open", "done", "all"];

    /// <summary>Tabs count no further: a count is a hint, and counting a million closed tickets on each page view is not.</summary>
    public const int CountCap = 1000;

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

    /// <summary>Each tab's tickets with the same search and filters (up to <see cref="CountCap"/>); empty when the filters are refused.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public DateTimeOffset Now { get; private set; }

    /// <summary>The "my team's" queue of someone in no team: empty, with a word on why.</summary>
    public bool NoTeam { get; private set; }

    private IReadOnlyList<(int Id, string Name)> _teams = [];

    public async Task<IActionResult> OnGetAsync(string? queue, string? q, string? priority, string? module, string? team,
        string? cursor, CancellationToken ct)
    {
        try
        {
            await FiltersAsync(queue, q, priority, module, team, ct);
            // A supervisor opening the console meets the tickets nobody has looked at yet, when there are any.
            if (queue is null && Actor.IsSupervisor && await CountAsync("triage", ct) > 0)
            {
                Queue = "triage";
            }

            if (For(Queue, cursor) is { } query)
            {
                var page = (await TicketList.Query(query, HttpContext, db, work, clock, org, ct)).Value!;
                Tickets = page.Items;
                NextCursor = page.NextCursor;
            }

            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var name in Queues)
            {
                counts[name] = await CountAsync(name, ct);
            }

            Counts = counts;
        }
        catch (RequestValidationException e)
        {
            Errors = e.Errors;
            Response.StatusCode = e.Messages.ContainsKey("queue") ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    /// <summary>The Export link: every ticket of this queue and these filters as CSV or XLSX (the API's export).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? queue, string? q, string? priority, string? module, string? team,
        string? format, [FromServices] SlaSettings sla, CancellationToken ct)
    {
        try
        {
            await FiltersAsync(queue, q, priority, module, team, ct);
            if (For(Queue, null) is not { } query)
            {
                return Page();
            }

            return new HttpResultAction(await TicketExport.DownloadAsync(query, format, Actor, db, sla, org, clock, ct));
        }
        catch (RequestValidationException e)
        {
            Errors = e.Errors;
            Response.StatusCode = e.Messages.ContainsKey("queue") ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    /// <summary>Reads the filters; an unknown queue is refused (400) rather than shown as an empty one.</summary>
    private async Task FiltersAsync(string? queue, string? q, string? priority, string? module, string? team, CancellationToken ct)
    {
        Search = q;
        Priority = priority;
        Module = module;
        Modules = await db.Modules.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
        _teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Select(t => (t.Id, t.Name)).ToList();
        TeamNames = [.. _teams.Select(t => t.Name)];
        Team = team is { Length: > 0 } ? team : null;
        Now = clock.GetUtcNow();
        if (queue is not null && !Queues.Contains(queue))
        {
            Queue = queue;
            throw new RequestValidationException("queue", "There is no queue \"{0}\". The queues are: {1}.", queue, string.Join(", ", Queues));
        }

        Queue = queue ?? "mine";
    }

    /// <summary>How many tickets a tab holds with the current search and filters.</summary>
    private async Task<int> CountAsync(string queue, CancellationToken ct) =>
        For(queue, null) is { } query ? await TicketList.CountAsync(query, Actor, db, Now, org, CountCap, ct) : 0;

    /// <summary>
    /// A queue as a preset of the list's filters, narrowed by the search box and the filters; null for "my team's"
    /// of someone in no team (nothing is theirs there).
    /// </summary>
    private TicketListQuery? For(string queue, string? cursor)
    {
        // "My team's": a chosen team, else every team the person is in; in none, nothing is theirs.
        string[]? teamFilter = Team is not null ? [Team]
            : queue == "team" ? [.. _teams.Where(t => Actor.TeamIds.Contains(t.Id)).Select(t => t.Name)]
            : null;
        if (teamFilter is [])
        {
            if (queue == Queue)
            {
                NoTeam = true;
            }

            return null;
        }

        var (status, assignee, sla) = queue switch
        {
            "mine" => (OpenStatuses, "me", null),
            "unassigned" => (OpenStatuses, "none", null),
            "triage" => ("new", null, null),
            "atRisk" => (OpenStatuses, null, "atRisk"),
            "breached" => (OpenStatuses, null, "breached"),
            "done" => ("closed,cancelled", null, null),
            "all" => (null, null, null),
            _ => (OpenStatuses, (string?)null, (string?)null),
        };
        return new TicketListQuery(status, Priority is { Length: > 0 } ? Priority : null, Module is { Length: > 0 } ? Module : null,
            assignee, teamFilter, null, null, sla, queue is "done" or "all" ? null : "slaDue", 50, cursor,
            Search is { Length: > 0 } ? Search : null);
    }

    /// <summary>A count as a tab shows it: "999+" past what is counted.</summary>
    public static string CountText(int count) => count >= CountCap ? $"{CountCap - 1}+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>This queue's link with the current filters and another value for one of them.</summary>
    public string Link(string? queue = null, string? cursor = null, string? export = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["queue"] = queue ?? Queue, ["q"] = Search, ["priority"] = Priority, ["module"] = Module,
            ["team"] = Team, ["cursor"] = cursor,
            ["handler"] = export is null ? null : "export", ["format"] = export,
        };
        return "/console" + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
