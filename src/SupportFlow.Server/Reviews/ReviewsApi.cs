using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Notifications;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Reviews;

/// <summary>
/// Post-incident reviews. Staff read them (engineers own actions); supervisors request, edit and
/// accept; an action's owner marks it done. Reporters have no access.
/// </summary>
public static class ReviewsApi
{
    public static void MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/reviews").WithTags("Reviews").RequireAuthorization(Policies.Staff);
        reviews.MapGet("/", List);
        reviews.MapGet("/{id:int}", Get);
        reviews.MapPost("/", Request).RequireAuthorization(Policies.Supervisor);
        reviews.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Supervisor);
        reviews.MapPost("/{id:int}/tickets", LinkTicket).RequireAuthorization(Policies.Supervisor);
        reviews.MapPost("/{id:int}/actions", AddAction).RequireAuthorization(Policies.Supervisor);
        reviews.MapPost("/{id:int}/actions/{actionId:int}/done", CompleteAction);
        reviews.MapPost("/{id:int}/actions/{actionId:int}/accept", AcceptAction).RequireAuthorization(Policies.Supervisor);
        reviews.MapGet("/actions", Actions);
        reviews.MapGet("/reminders", Reminders);
        reviews.MapCauseCategories();
    }

    private static async Task<Ok<ReviewResponse[]>> List(string? status, string? trigger, string? ticket, ReviewWork reviews,
        CancellationToken ct) =>
        TypedResults.Ok(await reviews.ListAsync(status, trigger, ticket, ct));

    private static async Task<Ok<ReviewResponse>> Get(int id, ReviewWork reviews, CancellationToken ct) =>
        TypedResults.Ok(await reviews.GetAsync(id, ct));

    private static async Task<Created<ReviewResponse>> Request(RequestReviewRequest request, HttpContext http, ReviewWork reviews,
        CancellationToken ct)
    {
        var review = await reviews.RequestAsync(http.User.ToActor(), request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/reviews", review.Id), review);
    }

    private static async Task<Ok<ReviewResponse>> Update(int id, UpdateReviewRequest request, ReviewWork reviews, CancellationToken ct) =>
        TypedResults.Ok(await reviews.UpdateAsync(id, request, ct));

    private static async Task<Ok<ReviewResponse>> LinkTicket(int id, LinkTicketRequest request, HttpContext http, ReviewWork reviews,
        CancellationToken ct) =>
        TypedResults.Ok(await reviews.LinkTicketAsync(http.User.ToActor(), id, request, ct));

    private static async Task<Created<PreventiveActionResponse>> AddAction(int id, AddActionRequest request, ReviewWork reviews,
        CancellationToken ct)
    {
        var (reviewId, action) = await reviews.AddActionAsync(id, request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/reviews", reviewId), action);
    }

    private static async Task<Ok<ReviewResponse>> CompleteAction(int id, int actionId, ActionNoteRequest request, HttpContext http,
        ReviewWork reviews, CancellationToken ct) =>
        TypedResults.Ok(await reviews.CompleteActionAsync(http.User.ToActor(), id, actionId, request, ct));

    private static async Task<Ok<ReviewResponse>> AcceptAction(int id, int actionId, ActionNoteRequest request, HttpContext http,
        ReviewWork reviews, CancellationToken ct) =>
        TypedResults.Ok(await reviews.AcceptActionAsync(http.User.ToActor(), id, actionId, request, ct));

    /// <summary><c>GET /api/reviews/actions?owner=me&amp;status=open&amp;overdue=true</c>: the actions across reviews.</summary>
    private static async Task<Ok<PreventiveActionResponse[]>> Actions(string? owner, string? status, bool? overdue, HttpContext http,
        ReviewWork reviews, CancellationToken ct) =>
        TypedResults.Ok(await reviews.ActionsAsync(http.User.ToActor(), owner, status, overdue, ct));

    /// <summary>Reminders recorded for an owner (default: the caller); only supervisors may read another's.</summary>
    private static async Task<Ok<ReviewReminderResponse[]>> Reminders(string? owner, HttpContext http, SupportFlowDbContext db,
        OrganizationTime org, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var login = string.IsNullOrWhiteSpace(owner) || owner == "me" ? actor.Login : owner.Trim().ToLowerInvariant();
        if (login != actor.Login && !actor.IsSupervisor)
        {
            throw new ForbiddenException("Only a supervisor may read another person's reminders.");
        }

        var reminders = await db.ReviewReminders.AsNoTracking()
            .Where(r => db.Users.Any(u => u.Id == r.OwnerId && u.Login == login))
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.ActionId, r.Action.ReviewId, r.Kind, r.Message, r.CreatedAt,
                Mail = r.Mail == null ? null : (OutboxStatus?)r.Mail.Status, SentAt = r.Mail == null ? null : r.Mail.SentAt,
            })
            .Take(500)
            .ToListAsync(ct);
        return TypedResults.Ok(reminders.Select(r => new ReviewReminderResponse(r.Id, r.ActionId, r.ReviewId, login, r.Kind, r.Message,
            org.Local(r.CreatedAt), r.Mail, org.Local(r.SentAt))).ToArray());
    }
}
