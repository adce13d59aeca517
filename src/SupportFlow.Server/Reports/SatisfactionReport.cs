using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Reports;

namespace SupportFlow.Server.Reports;

/// <summary>A rated ticket's comment: what the reporter wrote when confirming (or rejecting) the resolution.</summary>
public sealed record RatingComment(string Number, string Title, int Rating, string Comment, string? Owner, DateTimeOffset ReceivedAt);

/// <summary>
/// <c>GET /api/reports/satisfaction</c>: the ratings (1-5 stars) of the period's tickets: how many,
/// the average, how many of each (<see cref="Distribution"/>[0] = 1 star ... [4] = 5 stars), and the
/// comments that came with them, newest ticket first (at most <see cref="MaxComments"/>;
/// <see cref="CommentCount"/> says how many there are).
/// </summary>
public sealed record SatisfactionReport(DateOnly From, DateOnly To, int Rated, double? Average, IReadOnlyList<int> Distribution,
    int CommentCount, RatingComment[] Comments) : IReport
{
    public const int MaxComments = 200;

    public static string Name => "satisfaction";

    public static async Task<SatisfactionReport> ComputeAsync(ReportScope scope, SupportFlowDbContext db, OrganizationTime org,
        CancellationToken ct)
    {
        var rated = scope.Received(db).Where(t => t.Rating != null);
        var stars = await rated.GroupBy(t => t.Rating!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var summary = RatingSummary.Of(stars.ToDictionary(s => s.Key, s => s.Count));
        var commented = rated.Where(t => t.ConfirmationComment != null && t.ConfirmationComment != "");
        var comments = await commented.OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id).Take(MaxComments)
            .Select(t => new RatingComment(t.Number, t.Title, t.Rating!.Value, t.ConfirmationComment!,
                t.Assignee == null ? null : t.Assignee.Name, t.ReceivedAt))
            .ToListAsync(ct);
        return new SatisfactionReport(scope.Period.From, scope.Period.To, summary.Rated, summary.Average, summary.Distribution,
            await commented.CountAsync(ct), [.. comments.Select(c => c with { ReceivedAt = org.Local(c.ReceivedAt) })]);
    }

    public IReadOnlyList<ReportTable> Tables() =>
    [
        new("Satisfaction", ["rated", "average", "comments"], [[Rated, Average, CommentCount]]),
        new("Ratings", ["stars", "tickets"], [.. Distribution.Select((count, i) => new object?[] { i + 1, count })]),
        new("Comments", ["number", "title", "rating", "comment", "owner", "receivedAt"],
            [.. Comments.Select(c => new object?[]
            {
                c.Number, c.Title, c.Rating, c.Comment, c.Owner, c.ReceivedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            })]),
    ];
}
