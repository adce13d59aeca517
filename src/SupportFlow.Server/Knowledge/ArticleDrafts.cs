using SupportFlow.Localization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Knowledge;
using SupportFlow.Reviews;
using SupportFlow.Server.Reviews;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Knowledge;

/// <summary>
/// Pre-fills an article from where the knowledge came from: a closed ticket (symptom, cause,
/// workaround, solution) or a review (root cause, category, preventive actions, and its tickets'
/// solutions). Headings are bilingual, like the handbook's readers. Engineers-only by default:
/// the author decides what reporters may read.
/// </summary>
public static class ArticleDrafts
{
    public static async Task<ArticleDraftResponse> FromAsync(SupportFlowDbContext db, string? ticketNumber, int? reviewId,
        CancellationToken ct)
    {
        if (reviewId is { } id)
        {
            return FromReview(await ReviewWork.FindAsync(db, id, ct));
        }

        if (ticketNumber is null)
        {
            var errors = new RequestErrors();
            errors.Add("fromTicket", "Name a closed ticket (fromTicket) or a review (fromReview) to draft from.");
            errors.ThrowIfInvalid();
        }

        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Module).SingleOrDefaultAsync(t => t.Number == ticketNumber, ct)
            ?? throw new NotFoundException("Ticket {0} was not found.", ticketNumber);
        if (ticket.Status != TicketStatus.Closed)
        {
            throw new DomainException("Ticket {0} is {1}: an article is written from a closed ticket, whose cause and solution are final.",
                ticket.Number, LocalizedMessage.Wire(ticket.Status));
        }

        return FromTicket(ticket);
    }

    private static ArticleDraftResponse FromTicket(Ticket t)
    {
        var body = new StringBuilder();
        Section(body, "现象 / Symptom", t.Description);
        Section(body, "原因 / Cause", t.Cause);
        Section(body, "临时措施 / Workaround", t.Workaround);
        Section(body, "解决方法 / Solution", t.Solution);
        return new ArticleDraftResponse(t.Title, body.ToString().TrimEnd(), ArticleAudience.Engineers, [t.Module.Name],
            [t.Module.Category], new ArticleSources([t.Number], null));
    }

    private static ArticleDraftResponse FromReview(Review r)
    {
        var body = new StringBuilder();
        var tickets = r.Tickets.Select(l => l.Ticket).OrderBy(t => t.Id).ToList();
        Section(body, "现象 / Symptom", string.Join("\n\n", tickets.Select(t => $"{t.Number}: {t.Description}")));
        Section(body, "根本原因 / Root cause",
            r.RootCause is null ? null : $"{r.RootCause}" + (r.CauseCategory is { } c ? $" ({c.NameZh} / {c.NameEn})" : ""));
        Section(body, "解决方法 / Solution", string.Join("\n", tickets.Where(t => t.Solution is not null)
            .Select(t => $"- {t.Number}: {t.Solution}")));
        Section(body, "预防措施 / Preventive actions", string.Join("\n", r.Actions.OrderBy(a => a.Id)
            .Select(a => $"- {a.Description}")));
        var tags = tickets.Select(t => t.Module.Category).Append(r.CauseCategory?.Key).OfType<string>();
        return new ArticleDraftResponse(r.Title, body.ToString().TrimEnd(), ArticleAudience.Engineers,
            [.. tickets.Select(t => t.Module.Name).Distinct(StringComparer.Ordinal)], [.. tags.Distinct(StringComparer.Ordinal)],
            new ArticleSources([.. tickets.Select(t => t.Number)], r.Id));
    }

    private static void Section(StringBuilder body, string heading, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            body.Append("## ").AppendLine(heading).AppendLine().AppendLine(text.Trim()).AppendLine();
        }
    }
}
