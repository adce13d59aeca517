using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Knowledge;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Tickets.Pages;

/// <summary>
/// Report a problem (a reporter, for themselves) or record one received by phone or in person
/// (staff, on someone's behalf). The form fills the API's <see cref="CreateTicketRequest"/> and
/// hands it to the same <see cref="TicketReception"/>: one set of rules for both.
/// </summary>
[Authorize(Policy = WebAuth.SignedIn)]
[RequestFormLimits(MultipartBodyLengthLimit = 200L * 1024 * 1024)]
[RequestSizeLimit(200L * 1024 * 1024)]
public sealed class ReportModel(
    SupportFlowDbContext db,
    TicketReception reception,
    TicketAttachments ticketFiles,
    Handbook handbook,
    OrganizationTime org,
    TimeProvider clock,
    IOptions<SupportFlowOptions> options,
    UiText ui) : WebPage
{
    private static readonly string[] ReporterFields =
        ["reporter.login", "reporter.name", "reporter.department", "reporter.phone", "reporter.email"];

    public IReadOnlyList<(string Name, string Category)> Modules { get; private set; } = [];

    public string Now { get; private set; } = "";

    public long MaxAttachmentBytes => options.Value.Attachments.MaxBytes;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(List<IFormFile> attachments, CancellationToken ct) =>
        await AttemptAsync("report", async () =>
        {
            attachments = TicketAttachments.Chosen(attachments);
            // Checked before the ticket is received: a refused file is reported and nothing is created.
            await ticketFiles.CheckAsync(attachments, "attachments", ct);
            var request = new CreateTicketRequest(
                Posted("title"),
                Posted("description"),
                LocalTimeInput.ToIso(Posted("occurredAt"), org),
                Actor.IsStaff ? LocalTimeInput.ToIso(Posted("receivedAt"), org) is { Length: > 0 } r ? r : null : null,
                Posted("module"),
                Posted("impact"),
                Posted("priority"),
                Actor.IsStaff ? Posted("channel") : "portal",
                OnBehalf());
            var ticket = await reception.ReceiveAsync(Actor, request, ct);
            var notKept = await ticketFiles.StoreAllAsync(Actor, ticket, attachments, ct);
            Notice = notKept.Count == 0
                ? ui.Format("Ticket {0} received. We will keep you posted here.", ticket.Number)
                : ui.Format("Ticket {0} received, but these files could not be kept: {1}. Please add them again below.",
                    ticket.Number, string.Join(", ", notKept));
            return LocalRedirect($"/tickets/{ticket.Number}");
        }, () => LoadAsync(ct));

    /// <summary>
    /// Handbook articles for what is being typed, fetched by the form's script. The API's own
    /// suggestion query, reached with the page's cookie (the API itself takes tokens only).
    /// </summary>
    public async Task<IActionResult> OnGetSuggestAsync(string? text, string? module, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            return new JsonResult(Array.Empty<object>());
        }

        var typed = text.Length > Limits.Description ? text[..Limits.Description] : text;
        var articles = await handbook.SuggestAsync(Actor, typed, string.IsNullOrWhiteSpace(module) ? null : module, ct);
        return new JsonResult(articles.Select(a => new { a.Id, a.Title, a.Excerpt }));
    }

    /// <summary>"This solved my problem": counted as a report that did not need filing, then the article is shown.</summary>
    public async Task<IActionResult> OnPostSolvedAsync(int article, string? text, CancellationToken ct)
    {
        try
        {
            var typed = text?.Trim() ?? "";
            await handbook.SolvedAsync(Actor, article, new SolvedRequest(typed.Length == 0 ? null : typed[..Math.Min(typed.Length, Limits.Title)]),
                ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Notice = ui["Glad it is solved. No ticket was needed; you can still report a problem at any time."];
        return LocalRedirect($"/faq/{article}");
    }

    /// <summary>Staff recording a call name the caller; left empty, the report is their own.</summary>
    private ReporterRequest? OnBehalf()
    {
        if (!Actor.IsStaff)
        {
            return null;
        }

        var fields = ReporterFields.Select(Posted).ToArray();
        return fields.All(string.IsNullOrWhiteSpace)
            ? null
            : new ReporterRequest(fields[0], fields[1], fields[2], fields[3], fields[4]);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Modules = (await db.Modules.AsNoTracking().OrderBy(m => m.Category).ThenBy(m => m.Name)
            .Select(m => new { m.Name, m.Category }).ToListAsync(ct))
            .Select(m => (m.Name, m.Category)).ToList();
        Now = LocalTimeInput.Of(clock.GetUtcNow(), org);
    }
}
