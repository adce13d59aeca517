using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Knowledge;
using SupportFlow.Server.Recurring;
using SupportFlow.Server.Reviews;
using SupportFlow.Server.Web;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets.Pages;

/// <summary>
/// One ticket: its fields, SLA clocks, timeline and, as forms, the actions this person may take
/// in its current status. Each form posts to a handler that calls the same use case as the API
/// (<see cref="TicketActions"/> and friends: same parsing, same domain method, same permission check).
/// </summary>
[Authorize(Policy = WebAuth.SignedIn)]
[RequestFormLimits(MultipartBodyLengthLimit = 200L * 1024 * 1024)]
[RequestSizeLimit(200L * 1024 * 1024)]
public sealed class TicketPageModel(
    SupportFlowDbContext db,
    TicketWork work,
    TicketActions actions,
    TicketAttachments attachments,
    TicketLinks links,
    ReviewWork reviews,
    Handbook handbook,
    OrganizationTime org,
    TimeProvider clock,
    IOptions<SupportFlowOptions> options,
    UiText text) : WebPage
{
    /// <summary>Staff: handbook articles for this ticket's text.</summary>
    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    /// <summary>Staff: possible duplicates and whether they make a recurring problem.</summary>
    public SimilarTicketsResponse? Similar { get; private set; }

    public IReadOnlyList<TicketLinkResponse> Links { get; private set; } = [];

    /// <summary>Staff: the reviews that cover this ticket.</summary>
    public IReadOnlyList<ReviewResponse> Reviews { get; private set; } = [];

    public TicketResponse Ticket { get; private set; } = null!;

    public IReadOnlyList<HistoryEntryResponse> Timeline { get; private set; } = [];

    public IReadOnlyList<AttachmentResponse> Attachments { get; private set; } = [];

    /// <summary>Active engineers and supervisors, for the assign form.</summary>
    public IReadOnlyList<(string Login, string Name, string Teams)> Owners { get; private set; } = [];

    public IReadOnlyList<string> Teams { get; private set; } = [];

    /// <summary>Departments a supervisor may put on the ticket.</summary>
    public IReadOnlyList<string> Departments { get; private set; } = [];

    /// <summary>The module's vendor contacts not yet involved in the ticket, offered to whoever works it.</summary>
    public IReadOnlyList<Routing.ModuleVendorResponse> ModuleVendors { get; private set; } = [];

    /// <summary>A supervisor coordinates departments while the ticket is worked on.</summary>
    public bool CanCoordinate => Actor.IsSupervisor && BeingWorked;

    public bool CanInvolveVendors => TicketPermissions.Works(Actor, _ticket) && BeingWorked;

    private bool BeingWorked => TicketTransitions.IsOpen(_ticket.Status) || _ticket.Status == TicketStatus.Resolved;

    public DateTimeOffset Now { get; private set; }

    private Ticket _ticket = null!;

    /// <summary>Whether this person may take the action now (their role, and the ticket's status).</summary>
    public bool Can(TicketAction action) =>
        TicketTransitions.IsAllowed(action, _ticket.Status) && TicketPermissions.May(Actor, _ticket, action);

    public bool IsReporter => _ticket.IsReporter(Actor);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct) =>
        await LoadAsync(number, ct) ? Page() : MissingPage();

    public Task<IActionResult> OnPostTriageAsync(string number, CancellationToken ct) =>
        Act(number, "triage", () => actions.TriageAsync(Actor, number, new TriageRequest(Posted("priority"), Posted("reason")), ct),
            text["Priority confirmed."], ct);

    public Task<IActionResult> OnPostAssignAsync(string number, CancellationToken ct) =>
        Act(number, "assign", () => actions.AssignAsync(Actor, number, new AssignRequest(Posted("assignee"), Empty(Posted("team")), Posted("reason")), ct),
            text["Assigned."], ct);

    public Task<IActionResult> OnPostStartAsync(string number, CancellationToken ct) =>
        Act(number, "start", () => actions.StartAsync(Actor, number, ct), text["Work started."], ct);

    public Task<IActionResult> OnPostWorklogAsync(string number, CancellationToken ct) =>
        Act(number, "worklog", () => actions.WorklogAsync(Actor, number, new WorklogRequest(Posted("text"), Posted("method")), ct),
            text["Work logged (internal)."], ct);

    public Task<IActionResult> OnPostUpdateAsync(string number, CancellationToken ct) =>
        Act(number, "update", () => actions.UpdateAsync(Actor, number, new MessageRequest(Posted("message")), ct),
            text["Update sent to the reporter."], ct);

    public Task<IActionResult> OnPostCommentAsync(string number, CancellationToken ct) =>
        Act(number, "comment", () => actions.CommentAsync(Actor, number, new MessageRequest(Posted("message")), ct),
            text["Information added."], ct);

    public Task<IActionResult> OnPostPendAsync(string number, CancellationToken ct) =>
        Act(number, "pend", () => actions.PendAsync(Actor, number, new PendRequest(Posted("reason"), Posted("note")), ct),
            text["Ticket set to pending."], ct);

    public Task<IActionResult> OnPostResumeAsync(string number, CancellationToken ct) =>
        Act(number, "resume", () => actions.ResumeAsync(Actor, number, ct), text["Work resumed."], ct);

    public Task<IActionResult> OnPostResolveAsync(string number, CancellationToken ct) =>
        Act(number, "resolve", () => actions.ResolveAsync(Actor, number,
                new ResolveRequest(Posted("solution"), Posted("cause"), Posted("workaround"), Empty(Posted("verification")), Posted("backup")), ct),
            text["Resolved: the reporter is asked to confirm."], ct);

    public Task<IActionResult> OnPostConfirmAsync(string number, CancellationToken ct) =>
        Act(number, "confirm", () => actions.ConfirmAsync(Actor, number,
                new ConfirmRequest(Posted("resolved") switch { "true" => true, "false" => false, _ => null }, Posted("comment"), Rating()), ct),
            Posted("resolved") == "false" ? text["Reopened: the engineer will look again."] : text["Thank you for your feedback."], ct);

    /// <summary>
    /// Closing with the summary and, as SPEC has it, files (logs, screenshots). Whether this person may close comes
    /// first; then the files are checked, so a refused one leaves the ticket open; they are stored once it is closed.
    /// </summary>
    public Task<IActionResult> OnPostCloseAsync(string number, List<IFormFile> files, CancellationToken ct) =>
        Act(number, "close", async () =>
        {
            files = TicketAttachments.Chosen(files);
            if (files.Count > 0)
            {
                TicketPermissions.Ensure(Actor, await work.FindAsync(Actor, number, ct), TicketAction.Close);
                await attachments.CheckAsync(files, "files", ct);
            }

            var ticket = await actions.CloseAsync(Actor, number, new CloseRequest(Posted("cause"), Posted("solution")), ct);
            var notKept = await attachments.StoreAllAsync(Actor, ticket, files, ct);
            return notKept.Count == 0
                ? text["Ticket closed."]
                : text.Format("Ticket closed, but these files could not be kept: {0}. Please add them again below.", string.Join(", ", notKept));
        }, ct);

    public Task<IActionResult> OnPostReopenAsync(string number, CancellationToken ct) =>
        Act(number, "reopen", () => actions.ReopenAsync(Actor, number, new ReasonRequest(Posted("reason")), ct),
            text["Ticket reopened."], ct);

    public Task<IActionResult> OnPostCancelAsync(string number, CancellationToken ct) =>
        Act(number, "cancel", () => actions.CancelAsync(Actor, number, new ReasonRequest(Posted("reason")), ct),
            text["Ticket cancelled."], ct);

    /// <summary>A file over the limit is the API's 413; on the page it is a message next to the file field.</summary>
    public Task<IActionResult> OnPostAttachAsync(string number, IFormFile? file, CancellationToken ct) =>
        Act(number, "attach", async () =>
        {
            try
            {
                await attachments.UploadAsync(Actor, number, file, ct);
            }
            catch (AttachmentTooLargeException e)
            {
                throw new RequestValidationException("file", e.Text);
            }
        }, text["File attached."], ct);

    public Task<IActionResult> OnPostDepartmentAsync(string number, CancellationToken ct) =>
        Act(number, "department", () => actions.AddDepartmentAsync(Actor, number,
                new TicketDepartmentRequest(Posted("department"), Posted("role") == "responsible", Empty(Posted("reason"))), ct),
            text["Department added."], ct);

    public Task<IActionResult> OnPostVendorAsync(string number, CancellationToken ct) =>
        Act(number, "vendor", () => actions.InvolveVendorAsync(Actor, number,
                new VendorContactRequest(Posted("name"), Posted("company"), Posted("email"), Empty(Posted("note"))), ct),
            text["Vendor contact notified."], ct);

    public Task<IActionResult> OnPostLinkAsync(string number, CancellationToken ct) =>
        Act(number, "link", () => links.LinkAsync(Actor, number, new LinkRequest(Posted("kind"), Posted("ticket")), ct),
            text["Tickets linked."], ct);

    /// <summary>Merges this ticket (a duplicate) into another and shows the one that remains.</summary>
    public async Task<IActionResult> OnPostMergeAsync(string number, CancellationToken ct)
    {
        var into = Posted("into");
        var result = await Act(number, "merge", () => links.MergeAsync(Actor, number, new MergeRequest(into), ct),
            text.Format("Merged into {0}.", into ?? ""), ct);
        return result is LocalRedirectResult ? LocalRedirect($"/tickets/{Uri.EscapeDataString(into!.Trim())}") : result;
    }

    /// <summary>
    /// A supervisor asks for a review of this ticket (any status) and is taken to it. The API guards
    /// this by route policy; the page checks the role itself.
    /// </summary>
    public async Task<IActionResult> OnPostReviewAsync(string number, CancellationToken ct)
    {
        int? review = null;
        var result = await Act(number, "review", async () =>
        {
            if (!Actor.IsSupervisor)
            {
                throw new ForbiddenException("Only a supervisor may request a review.");
            }

            review = (await reviews.RequestAsync(Actor, new RequestReviewRequest([number], Empty(Posted("title")), Posted("reason")), ct)).Id;
        }, text["Review requested."], ct);
        return result is LocalRedirectResult && review is { } id ? LocalRedirect($"/reviews/{id}") : result;
    }

    /// <summary>A download for the signed-in person (the API's download needs a token).</summary>
    public async Task<IActionResult> OnGetFileAsync(string number, long id, CancellationToken ct)
    {
        try
        {
            var ticket = await work.FindAsync(Actor, number, ct);
            var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.TicketId == ticket.Id, ct);
            if (attachment is null)
            {
                return MissingPage();
            }

            var path = Path.Combine(AttachmentStorage.Root(options.Value), attachment.StoredAs);
            return PhysicalFile(Path.GetFullPath(path), attachment.ContentType, attachment.FileName);
        }
        catch (NotFoundException)
        {
            return MissingPage();
        }
    }

    private Task<IActionResult> Act(string number, string form, Func<Task> action, string notice, CancellationToken ct) =>
        Act(number, form, async () =>
        {
            await action();
            return notice;
        }, ct);

    /// <summary>Runs a form's action; the action says what the notice after it is.</summary>
    private async Task<IActionResult> Act(string number, string form, Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            return await AttemptAsync(form, async () =>
            {
                Notice = await action();
                return LocalRedirect($"/tickets/{number}");
            }, () => ReloadAsync(number, ct));
        }
        catch (NotFoundException)
        {
            return MissingPage();
        }
    }

    private int? Rating() => Posted("rating") is { Length: > 0 } r
        ? int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0
        : null;

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>After a failed form: the ticket again, or "not found" if it is gone from this person's sight.</summary>
    private async Task ReloadAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            throw new NotFoundException("Ticket {0} was not found.", number);
        }
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        try
        {
            _ticket = await work.FindAsync(Actor, number, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Ticket = await work.ResponseAsync(Actor, _ticket, ct);
        var staff = Actor.IsStaff;
        Timeline = (await db.TicketHistory.AsNoTracking()
                .Where(e => e.TicketId == _ticket.Id && (staff || e.IsPublic))
                .OrderByDescending(e => e.Id)
                .ToListAsync(ct))
            .Select(e => HistoryEntryResponse.From(e, org)).ToList();
        Attachments = (await db.Attachments.AsNoTracking().Where(a => a.TicketId == _ticket.Id).OrderBy(a => a.Id).ToListAsync(ct))
            .Select(a => AttachmentResponse.From(a, _ticket.Number, org)).ToList();
        if (Actor.IsSupervisor)
        {
            Owners = (await db.Users.AsNoTracking().Include(u => u.Teams)
                    .WhoCanOwnTickets().OrderBy(u => u.Name).ToListAsync(ct))
                .Select(u => (u.Login, u.Name, string.Join(", ", u.Teams.Select(t => t.Name)))).ToList();
            Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
            Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
        }

        if (CanInvolveVendors)
        {
            ModuleVendors = [.. (await Routing.ModuleVendors.ListAsync(db, _ticket.Module.Name, ct))
                .Where(v => _ticket.VendorContacts.All(c => !string.Equals(c.Email, v.Email, StringComparison.OrdinalIgnoreCase)))];
        }

        // The ticket loaded above serves every panel: none of them finds it again.
        if (staff)
        {
            var about = $"{_ticket.Title} {_ticket.Description}";
            Articles = await handbook.SuggestAsync(Actor, about[..Math.Min(about.Length, Limits.Description)], _ticket.Module.Name, ct);
            Similar = await links.SimilarAsync(_ticket, ct);
            Links = await links.ListAsync(_ticket, ct);
            Reviews = await reviews.ListAsync(null, null, _ticket.Number, ct);
        }

        Now = clock.GetUtcNow();
        return true;
    }
}
