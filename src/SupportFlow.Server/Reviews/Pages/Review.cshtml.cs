using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Web;
using SupportFlow.Users;

namespace SupportFlow.Server.Reviews.Pages;

/// <summary>
/// One review: meeting, root cause and category, linked tickets and preventive actions. Each
/// form fills the API's request record and calls the same <see cref="ReviewWork"/>; the supervisor-only ones check the
/// role here as the API's route policy does.
/// </summary>
[Authorize(Policy = WebAuth.Staff)]
public sealed class ReviewModel(SupportFlowDbContext db, ReviewWork reviews, OrganizationTime org, UiText text) : WebPage
{
    public ReviewResponse Review { get; private set; } = null!;

    public IReadOnlyList<(string Key, string Name)> Categories { get; private set; } = [];

    /// <summary>Active staff, who may own a preventive action.</summary>
    public IReadOnlyList<(string Login, string Name)> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : MissingPage();

    public Task<IActionResult> OnPostMeetingAsync(int id, CancellationToken ct) =>
        Supervise(id, "meeting", () => reviews.UpdateAsync(id,
            new UpdateReviewRequest(null, LocalTimeInput.ToIso(Posted("meetingAt"), org), Names(Posted("participants")), null, null),
            ct), text["Meeting recorded."], ct);

    public Task<IActionResult> OnPostCauseAsync(int id, CancellationToken ct) =>
        Supervise(id, "cause", () => reviews.UpdateAsync(id,
            new UpdateReviewRequest(null, null, null, Posted("rootCause") ?? "", Posted("category") ?? ""), ct),
            text["Root cause recorded."], ct);

    public Task<IActionResult> OnPostTicketAsync(int id, CancellationToken ct) =>
        Supervise(id, "ticket", () => reviews.LinkTicketAsync(Actor, id, new LinkTicketRequest(Posted("number")), ct),
            text["Ticket linked."], ct);

    public Task<IActionResult> OnPostActionAsync(int id, CancellationToken ct) =>
        Supervise(id, "action", () => reviews.AddActionAsync(id,
            new AddActionRequest(Posted("description"), Posted("owner"), Posted("dueDate")), ct),
            text["Preventive action added; its owner is reminded by e-mail."], ct);

    public Task<IActionResult> OnPostDoneAsync(int id, int actionId, CancellationToken ct) =>
        Act(id, $"done-{actionId}", () => reviews.CompleteActionAsync(Actor, id, actionId, new ActionNoteRequest(Empty(Posted("note"))),
            ct), text["Action marked done."], ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, int actionId, CancellationToken ct) =>
        Supervise(id, $"accept-{actionId}", () => reviews.AcceptActionAsync(Actor, id, actionId, new ActionNoteRequest(Posted("note") ?? ""),
            ct), text["Action accepted as it stands."], ct);

    private Task<IActionResult> Supervise(int id, string form, Func<Task> action, string notice, CancellationToken ct) =>
        Act(id, form, () => Actor.IsSupervisor ? action() : throw new ForbiddenException("Only a supervisor may change a review."),
            notice, ct);

    private async Task<IActionResult> Act(int id, string form, Func<Task> action, string notice, CancellationToken ct)
    {
        try
        {
            return await AttemptAsync(form, async () =>
            {
                await action();
                Notice = notice;
                return LocalRedirect($"/reviews/{id}");
            }, async () =>
            {
                if (!await LoadAsync(id, ct))
                {
                    throw new NotFoundException("Review {0} was not found.", id);
                }
            });
        }
        catch (NotFoundException)
        {
            return MissingPage();
        }
    }

    private static string[]? Names(string? value) => value is null
        ? null
        : [.. value.Split([',', '，', '、', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            Review = await reviews.GetAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Categories = (await db.CauseCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Id).ToListAsync(ct))
            .Select(c => (c.Key, text.IsChinese ? c.NameZh : c.NameEn)).ToList();
        Owners = (await db.Users.AsNoTracking().WhoCanOwnTickets().OrderBy(u => u.Name)
                .Select(u => new { u.Login, u.Name }).ToListAsync(ct))
            .Select(u => (u.Login, u.Name)).ToList();
        return true;
    }
}
