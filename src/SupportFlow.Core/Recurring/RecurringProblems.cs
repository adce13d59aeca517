using SupportFlow.Common;
using SupportFlow.Tickets;

namespace SupportFlow.Recurring;

/// <summary>What the similarity check needs of a ticket: its text and where it stands.</summary>
public sealed record TicketText(long Id, string Number, string Title, string Description, TicketStatus Status,
    DateTimeOffset ReceivedAt);

public sealed record SimilarTicket(TicketText Ticket, double Score);

/// <summary>
/// Finds tickets that describe the same problem (<see cref="TextSimilarity"/>: character pairs
/// for Chinese, words for English), and says when they amount to a recurring problem.
/// </summary>
public static class RecurringProblems
{
    /// <summary>
    /// Dice's coefficient of the titles or of the whole texts, whichever is higher: reporters
    /// often give the same short title and very different descriptions, or the reverse.
    /// </summary>
    public static double Similarity(string titleA, string descriptionA, string titleB, string descriptionB) =>
        Math.Max(
            TextSimilarity.Dice(TextSimilarity.Tokens(titleA), TextSimilarity.Tokens(titleB)),
            TextSimilarity.Dice(TextSimilarity.Tokens($"{titleA} {descriptionA}"), TextSimilarity.Tokens($"{titleB} {descriptionB}")));

    /// <summary>The candidates at least <paramref name="threshold"/> alike, most alike first.</summary>
    public static List<SimilarTicket> Similar(string title, string description, IEnumerable<TicketText> candidates, double threshold)
    {
        var titleTokens = TextSimilarity.Tokens(title);
        var allTokens = TextSimilarity.Tokens($"{title} {description}");
        return [.. candidates
            .Select(c => new SimilarTicket(c, Math.Max(
                TextSimilarity.Dice(titleTokens, TextSimilarity.Tokens(c.Title)),
                TextSimilarity.Dice(allTokens, TextSimilarity.Tokens($"{c.Title} {c.Description}")))))
            .Where(s => s.Score >= threshold)
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Ticket.ReceivedAt)];
    }

    /// <summary>The similar tickets received within the window before <paramref name="receivedAt"/>, when with it they are enough.</summary>
    public static IReadOnlyList<SimilarTicket> Recurring(IEnumerable<SimilarTicket> similar, DateTimeOffset receivedAt, ReviewOptions options)
    {
        var since = receivedAt.AddDays(-options.RecurringWindowDays);
        var recent = similar.Where(s => s.Ticket.ReceivedAt >= since && s.Ticket.Status != TicketStatus.Cancelled).ToList();
        return recent.Count + 1 >= options.RecurringMinTickets ? recent : [];
    }
}
