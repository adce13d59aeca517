using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Tickets.Pages;

/// <summary>A reporter's own tickets, open ones first, through the API's own list query.</summary>
[Authorize(Policy = WebAuth.SignedIn)]
public sealed class MyTicketsModel(SupportFlowDbContext db, TicketWork work, TimeProvider clock, OrganizationTime org) : WebPage
{
    public const string OpenStatuses = "new,assigned,inProgress,pending,resolved";
    public const string DoneStatuses = "closed,cancelled";

    public string Show { get; private set; } = "open";

    public IReadOnlyList<TicketResponse> Tickets { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? show, string? cursor, CancellationToken ct)
    {
        if (Actor.IsStaff && show is null)
        {
            return LocalRedirect("/console");
        }

        Show = show is "done" or "all" ? show : "open";
        var status = Show switch { "done" => DoneStatuses, "all" => null, _ => OpenStatuses };
        var query = new TicketListQuery(status, null, null, null, null, Actor.IsStaff ? Actor.Login : null, null, null, null, 30, cursor, null);
        var page = (await TicketList.Query(query, HttpContext, db, work, clock, org, ct)).Value!;
        Tickets = page.Items;
        NextCursor = page.NextCursor;
        Now = clock.GetUtcNow();
        return Page();
    }
}
