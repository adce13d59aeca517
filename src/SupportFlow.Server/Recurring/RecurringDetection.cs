using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Data;
using SupportFlow.Recurring;
using SupportFlow.Reviews;
using SupportFlow.Search;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Recurring;

/// <summary>
/// Looks for tickets like a new one on its module, and opens (or extends) a recurring-problem
/// review when there are enough of them. Intake reads the candidates before its transaction (no
/// lock held while comparing texts) and links the review inside it, so the ticket and its
/// review are committed together.
/// </summary>
public sealed class RecurringDetection(SupportFlowDbContext db, IOptions<ReviewOptions> options)
{
    /// <summary>Enough to compare texts; long descriptions say what matters at the start.</summary>
    private const int DescriptionPrefix = 500;

    /// <summary>At most this many of the module's latest tickets are compared.</summary>
    private const int MaxCandidates = 500;

    public ReviewOptions Options => options.Value;

    /// <summary>At most this many distinct tokens of the new ticket's text ask the index for candidates.</summary>
    private const int MaxQueryTokens = 48;

    /// <summary>
    /// Open tickets and those received within the window, on the module, that read like the given
    /// text. Candidates come from the CJK-aware search index (any token of the title or the start
    /// of the description in common), so the cost follows the matches, not the module's size.
    /// </summary>
    public async Task<List<SimilarTicket>> FindSimilarAsync(int moduleId, long? except, string title, string description,
        DateTimeOffset at, CancellationToken ct)
    {
        var tokens = QueryTokens(title, description);
        if (tokens.Count == 0)
        {
            return [];
        }

        var since = at.AddDays(-Options.RecurringWindowDays);
        var matching = TicketSearchSql.MatchingAny(db, tokens);
        var candidates = await db.Tickets.AsNoTracking()
            .Where(t => matching.Contains(t.Id))
            .Where(t => t.ModuleId == moduleId && t.Id != except && t.Status != TicketStatus.Cancelled
                        && (t.ReceivedAt >= since || (t.Status != TicketStatus.Closed && t.Status != TicketStatus.Resolved)))
            .OrderByDescending(t => t.ReceivedAt)
            .Take(MaxCandidates)
            .Select(t => new TicketText(t.Id, t.Number, t.Title,
                t.Description.Length > DescriptionPrefix ? t.Description.Substring(0, DescriptionPrefix) : t.Description,
                t.Status, t.ReceivedAt))
            .ToListAsync(ct);
        return RecurringProblems.Similar(title, description, candidates, Options.RecurringSimilarity);
    }

    /// <summary>The title's tokens first, then the description's; single characters are left out (too common to select by).</summary>
    private static List<string> QueryTokens(string title, string description)
    {
        var text = description.Length > DescriptionPrefix ? description[..DescriptionPrefix] : description;
        return [.. $"{SearchTokens.Index(title)} {SearchTokens.Index(text)}"
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.EnumerateRunes().Count() > 1 || char.IsAsciiLetterOrDigit(t[0]))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxQueryTokens)];
    }

    /// <summary>
    /// Called inside intake's transaction, before its save: links the new ticket to the open
    /// recurring review of its module that covers a similar ticket, or opens one for all of them.
    /// </summary>
    public async Task<Review?> OnReceivedAsync(Ticket ticket, IReadOnlyList<SimilarTicket> similar, DateTimeOffset now,
        CancellationToken ct)
    {
        var recurring = RecurringProblems.Recurring(similar, ticket.ReceivedAt, Options);
        if (recurring.Count == 0)
        {
            return null;
        }

        var ids = recurring.Select(s => s.Ticket.Id).ToList();
        // The review's own links are not loaded: a long-running recurring problem has thousands.
        var review = await db.Reviews
            .Where(r => r.ModuleId == ticket.Module.Id && r.Trigger == ReviewTrigger.RecurringProblem && r.Status == ReviewStatus.Open
                        && r.Tickets.Any(l => ids.Contains(l.TicketId)))
            .OrderByDescending(r => r.OpenedAt)
            .FirstOrDefaultAsync(ct);
        if (review is null)
        {
            var others = await db.Tickets.Where(t => ids.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync(ct);
            review = Review.Open(ReviewTrigger.RecurringProblem, Title(ticket),
                new Localization.LocalizedMessage("{0} similar tickets on {1} within {2} days", others.Count + 1, ticket.Module.Name,
                    Options.RecurringWindowDays),
                [.. others, ticket], Actor.System, now, ticket.Module);
            db.Reviews.Add(review);
            foreach (var other in others)
            {
                other.RecordReview(Actor.System, now,
                    new Localization.LocalizedMessage("Recurring problem: review opened with {0} and similar tickets.", ticket.Number));
            }
        }
        else
        {
            review.AddRecurrence(ticket, now);
        }

        ticket.RecordReview(Actor.System, now,
            new Localization.LocalizedMessage("Recurring problem on {0}: like {1}.", ticket.Module.Name,
                string.Join(", ", recurring.Select(s => s.Ticket.Number))));
        return review;
    }

    private static string Title(Ticket ticket)
    {
        var title = $"Recurring: {ticket.Module.Name}: {ticket.Title}";
        return title.Length <= Common.Limits.Title ? title : title[..(Common.Limits.Title - 1)] + "…";
    }
}
