using SupportFlow.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reviews;
using SupportFlow.Users;

namespace SupportFlow.Server.Reviews;

/// <summary>
/// Reading and changing post-incident reviews: the API's <c>/api/reviews</c> endpoints and the
/// review pages both call these. Role checks stay with the callers (route policies, page checks).
/// </summary>
public sealed class ReviewWork(SupportFlowDbContext db, OrganizationTime org, TimeProvider clock, IOptions<SupportFlowOptions> options)
{
    public async Task<ReviewResponse[]> ListAsync(string? status, string? trigger, string? ticket, CancellationToken ct)
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
        return [.. list.Select(r => ReviewResponse.From(r, org, now))];
    }

    public async Task<ReviewResponse> GetAsync(int id, CancellationToken ct) =>
        ReviewResponse.From(await FindAsync(db, id, ct), org, clock.GetUtcNow());

    /// <summary>A supervisor asks for a review of one or more tickets; each ticket's history says so.</summary>
    public async Task<ReviewResponse> RequestAsync(Actor actor, RequestReviewRequest request, CancellationToken ct)
    {
        var (numbers, title, reason) = request.Parse();
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
            ticket.RecordReview(actor, now, new LocalizedMessage("Review requested by {0}: {1}", actor.Name, reason));
        }

        db.Reviews.Add(review);
        await db.SaveChangesAsync(ct);
        return ReviewResponse.From(await FindAsync(db, review.Id, ct), org, now);
    }

    public async Task<ReviewResponse> UpdateAsync(int id, UpdateReviewRequest request, CancellationToken ct)
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
        return ReviewResponse.From(review, org, now);
    }

    public async Task<ReviewResponse> LinkTicketAsync(Actor actor, int id, LinkTicketRequest request, CancellationToken ct)
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
            ticket.RecordReview(actor, now, new LocalizedMessage("Linked to review {0}: {1}", review.Id, review.Title));
            await db.SaveChangesAsync(ct);
        }

        return ReviewResponse.From(review, org, now);
    }

    /// <summary>Adds a preventive action; its owner is reminded by e-mail.</summary>
    public async Task<(int ReviewId, PreventiveActionResponse Action)> AddActionAsync(int id, AddActionRequest request, CancellationToken ct)
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
        return (review.Id, PreventiveActionResponse.From(action, org, now));
    }

    /// <summary>An action's owner (or a supervisor) marks it done.</summary>
    public Task<ReviewResponse> CompleteActionAsync(Actor actor, int id, int actionId, ActionNoteRequest request, CancellationToken ct)
    {
        var note = request.Parse(required: false);
        return ChangeAsync(id, (r, now) => r.CompleteAction(actionId, actor, now, note), ct);
    }

    public Task<ReviewResponse> AcceptActionAsync(Actor actor, int id, int actionId, ActionNoteRequest request, CancellationToken ct)
    {
        var note = request.Parse(required: true)!;
        return ChangeAsync(id, (r, now) => r.AcceptAction(actionId, actor, now, note), ct);
    }

    /// <summary><c>GET /api/reviews/actions?owner=me&amp;status=open&amp;overdue=true</c>: the actions across reviews.</summary>
    public async Task<PreventiveActionResponse[]> ActionsAsync(Actor actor, string? owner, string? status, bool? overdue,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        var wanted = errors.Enum<ActionStatus>("status", status, required: false);
        errors.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        var query = db.PreventiveActions.AsNoTracking().Include(a => a.Owner).AsQueryable();
        if (!string.IsNullOrWhiteSpace(owner))
        {
            var login = owner == "me" ? actor.Login : owner.Trim().ToLowerInvariant();
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
        return [.. actions.Select(a => PreventiveActionResponse.From(a, org, now))];
    }

    private async Task<ReviewResponse> ChangeAsync(int id, Action<Review, DateTimeOffset> change, CancellationToken ct)
    {
        var review = await FindAsync(db, id, ct);
        var now = clock.GetUtcNow();
        change(review, now);
        await db.SaveChangesAsync(ct);
        return ReviewResponse.From(review, org, now);
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
