using SupportFlow.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Notifications;
using SupportFlow.Reviews;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;
using SupportFlow.Users;

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

    internal static async Task<Ok<ReviewResponse[]>> List(string? status, string? trigger, string? ticket, SupportFlowDbContext db,
        OrganizationTime org, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var wantedStatus = errors.Enum<ReviewStatus>("status", status, required: false);
        var wantedTrigger = errors.Enum<ReviewTrigger>("trigger", trigger, required: false);
        errors.ThrowIfInvalid();
        var query = Loaded(db).AsNoTracking();
        if (wantedStatus is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (wantedTrigger is { } t)
        {
            query = query.Where(r => r.Trigger == t);
        }

        if (!string.IsNullOrWhiteSpace(ticket))
        {
            query = query.Where(r => r.Tickets.Any(l => l.Ticket.Number == ticket));
        }

        var now = clock.GetUtcNow();
        var list = await query.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(r => ReviewResponse.From(r, org, now)).ToArray());
    }

    internal static async Task<Ok<ReviewResponse>> Get(int id, SupportFlowDbContext db, OrganizationTime org, TimeProvider clock,
        CancellationToken ct) =>
        TypedResults.Ok(ReviewResponse.From(await FindAsync(db, id, ct), org, clock.GetUtcNow()));

    internal static async Task<Created<ReviewResponse>> Request(RequestReviewRequest request, HttpContext http,
        SupportFlowDbContext db, OrganizationTime org, TimeProvider clock, CancellationToken ct)
    {
        var (numbers, title, reason) = request.Parse();
        var actor = http.User.ToActor();
        var tickets = await db.Tickets.Include(t => t.Module).Where(t => numbers.Contains(t.Number)).ToListAsync(ct);
        var unknown = numbers.Except(tickets.Select(t => t.Number), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var errors = new RequestErrors();
            errors.Add("tickets", "Unknown ticket {0}.", string.Join(", ", unknown));
            errors.ThrowIfInvalid();
        }

        var now = clock.GetUtcNow();
        var first = tickets.OrderBy(t => t.Id).First();
        var review = Review.Open(ReviewTrigger.Requested, title ?? $"{first.Number} {first.Title}", reason, tickets, actor, now);
        foreach (var ticket in tickets)
        {
            ticket.RecordReview(actor, now, $"Review requested by {actor.Name}: {reason}");
        }

        db.Reviews.Add(review);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ResourceUrl.For("/api/reviews", review.Id), ReviewResponse.From(await FindAsync(db, review.Id, ct), org, now));
    }

    internal static async Task<Ok<ReviewResponse>> Update(int id, UpdateReviewRequest request, SupportFlowDbContext db,
        OrganizationTime org, TimeProvider clock, CancellationToken ct)
    {
        var change = request.Parse();
        CauseCategory? category = null;
        if (change.Category is not null)
        {
            category = await db.CauseCategories.SingleOrDefaultAsync(c => c.Key == change.Category, ct);
            if (category is null)
            {
                var errors = new RequestErrors();
                errors.Add("category", "Unknown cause category '{0}'. GET /api/reviews/categories lists them.", change.Category);
                errors.ThrowIfInvalid();
            }
        }

        var review = await FindAsync(db, id, ct);
        var now = clock.GetUtcNow();
        if (change.Title is not null)
        {
            review.Retitle(change.Title, now);
        }

        if (change.MeetingAt is { } meetingAt)
        {
            review.RecordMeeting(meetingAt, change.Participants!, now);
        }

        if (change.RootCause is not null)
        {
            review.RecordCause(change.RootCause, category!, now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReviewResponse.From(review, org, now));
    }

    internal static async Task<Ok<ReviewResponse>> LinkTicket(int id, LinkTicketRequest request, HttpContext http,
        SupportFlowDbContext db, OrganizationTime org, TimeProvider clock, CancellationToken ct)
    {
        var number = request.Parse();
        var ticket = await db.Tickets.Include(t => t.Module).SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null)
        {
            var errors = new RequestErrors();
            errors.Add("number", "Unknown ticket {0}.", number);
            errors.ThrowIfInvalid();
        }

        var review = await FindAsync(db, id, ct);
        var now = clock.GetUtcNow();
        if (!review.Covers(ticket!.Id))
        {
            review.Link(ticket, now);
            ticket.RecordReview(http.User.ToActor(), now, $"Linked to review {review.Id}: {review.Title}");
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(ReviewResponse.From(review, org, now));
    }

    internal static async Task<Created<PreventiveActionResponse>> AddAction(int id, AddActionRequest request, SupportFlowDbContext db,
        OrganizationTime org, TimeProvider clock, IOptions<SupportFlowOptions> options, CancellationToken ct)
    {
        var (description, login, dueDate) = request.Parse();
        var owner = await db.Users.SingleOrDefaultAsync(u => u.Login == login, ct);
        if (owner is null || !owner.IsActive || owner.Role < Role.Engineer)
        {
            var errors = new RequestErrors();
            errors.Add("owner", owner is null
                ? new LocalizedMessage("Unknown user '{0}'.", login)
                : new LocalizedMessage("{0} cannot own a preventive action: only active staff can.", login));
            errors.ThrowIfInvalid();
        }

        var review = await FindAsync(db, id, ct);
        var now = clock.GetUtcNow();
        var action = review.AddAction(description, owner!, dueDate, PreventiveAction.EndOfDay(dueDate, org.Zone), now);
        ReminderNotices.Add(db, action, review.Id, review.Title, ReminderKind.Assigned, now, options.Value.Notifications);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ResourceUrl.For("/api/reviews", review.Id), PreventiveActionResponse.From(action, org, now));
    }

    internal static Task<Ok<ReviewResponse>> CompleteAction(int id, int actionId, ActionNoteRequest request, HttpContext http,
        SupportFlowDbContext db, OrganizationTime org, TimeProvider clock, CancellationToken ct)
    {
        var note = request.Parse(required: false);
        return ChangeAsync(db, org, clock, id, (r, now) => r.CompleteAction(actionId, http.User.ToActor(), now, note), ct);
    }

    internal static Task<Ok<ReviewResponse>> AcceptAction(int id, int actionId, ActionNoteRequest request, HttpContext http,
        SupportFlowDbContext db, OrganizationTime org, TimeProvider clock, CancellationToken ct)
    {
        var note = request.Parse(required: true)!;
        return ChangeAsync(db, org, clock, id, (r, now) => r.AcceptAction(actionId, http.User.ToActor(), now, note), ct);
    }

    /// <summary><c>GET /api/reviews/actions?owner=me&amp;status=open&amp;overdue=true</c>: the actions across reviews.</summary>
    internal static async Task<Ok<PreventiveActionResponse[]>> Actions(string? owner, string? status, bool? overdue, HttpContext http,
        SupportFlowDbContext db, OrganizationTime org, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var wanted = errors.Enum<ActionStatus>("status", status, required: false);
        errors.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        var query = db.PreventiveActions.AsNoTracking().Include(a => a.Owner).AsQueryable();
        if (!string.IsNullOrWhiteSpace(owner))
        {
            var login = owner == "me" ? http.User.ToActor().Login : owner.Trim().ToLowerInvariant();
            query = query.Where(a => a.Owner.Login == login);
        }

        if (wanted is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (overdue is { } o)
        {
            query = o
                ? query.Where(a => a.Status == ActionStatus.Open && a.DueAt <= now)
                : query.Where(a => a.Status != ActionStatus.Open || a.DueAt > now);
        }

        var actions = await query.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok(actions.Select(a => PreventiveActionResponse.From(a, org, now)).ToArray());
    }

    /// <summary>Reminders recorded for an owner (default: the caller); only supervisors may read another's.</summary>
    internal static async Task<Ok<ReviewReminderResponse[]>> Reminders(string? owner, HttpContext http, SupportFlowDbContext db,
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

    internal static async Task<Ok<ReviewResponse>> ChangeAsync(SupportFlowDbContext db, OrganizationTime org, TimeProvider clock, int id,
        Action<Review, DateTimeOffset> change, CancellationToken ct)
    {
        var review = await FindAsync(db, id, ct);
        var now = clock.GetUtcNow();
        change(review, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReviewResponse.From(review, org, now));
    }

    internal static IQueryable<Review> Loaded(SupportFlowDbContext db) => db.Reviews
        .Include(r => r.Module)
        .Include(r => r.CauseCategory)
        .Include(r => r.Tickets).ThenInclude(t => t.Ticket).ThenInclude(t => t.Module)
        .Include(r => r.Actions).ThenInclude(a => a.Owner)
        .AsSplitQuery();

    internal static async Task<Review> FindAsync(SupportFlowDbContext db, int id, CancellationToken ct) =>
        await Loaded(db).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Review {0} was not found.", id);
}
