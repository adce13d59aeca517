using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Users.News;

/// <summary>What happened on a ticket for the person reading the list.</summary>
public enum NewsKind
{
    /// <summary>A ticket recorded in one of their teams (for a supervisor also any awaiting triage).</summary>
    NewTicket,

    /// <summary>Someone else made them the ticket's owner.</summary>
    AssignedToYou,

    /// <summary>Someone else wrote a public reply on a ticket they own or reported.</summary>
    Reply,
}

/// <summary>One line of "what is new": read off the ticket history, so it needs no table of its own.</summary>
public sealed record NewsItem(DateTimeOffset At, NewsKind Kind, string Number, string Title, string ActorName);

/// <summary>
/// What is new for a person since they last opened <c>/new</c> (<see cref="User.NewsSeenAt"/>): new tickets in
/// their queues, assignments to them, replies on their tickets. Everything comes from the append-only history
/// lines written after that time by someone else, so a person is never told about their own actions. Reporters
/// only hear of public replies on their own tickets. The top bar counts it on every page, so the look-back is
/// bounded: at most <see cref="LookBack"/>, at most <see cref="Cap"/> lines.
/// </summary>
public sealed class PersonalNews(SupportFlowDbContext db, TimeProvider clock)
{
    public const int Cap = 100;

    public static readonly TimeSpan LookBack = TimeSpan.FromDays(30);

    /// <summary>How many lines are new, at most <see cref="Cap"/> (the top bar shows "99+" beyond).</summary>
    public async Task<int> CountAsync(Actor actor, CancellationToken ct) =>
        await (await LinesAsync(actor, clock.GetUtcNow(), ct)).Take(Cap).CountAsync(ct);

    /// <summary>The new lines up to <paramref name="until"/>, newest first.</summary>
    public async Task<IReadOnlyList<NewsItem>> ListAsync(Actor actor, DateTimeOffset until, CancellationToken ct)
    {
        var rows = await (await LinesAsync(actor, until, ct))
            .OrderByDescending(l => l.At).ThenByDescending(l => l.Id)
            .Take(Cap)
            .ToListAsync(ct);
        return [.. rows.Select(r => new NewsItem(r.At,
            r.Field == HistoryField.Assignee ? NewsKind.AssignedToYou : r.Action == HistoryAction.Create ? NewsKind.NewTicket : NewsKind.Reply,
            r.Number, r.Title, r.ActorName))];
    }

    /// <summary>Everything listed so far is seen: the count starts again from <paramref name="at"/>.</summary>
    public Task MarkSeenAsync(Actor actor, DateTimeOffset at, CancellationToken ct) =>
        db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.NewsSeenAt, at), ct);

    private async Task<IQueryable<NewsLine>> LinesAsync(Actor actor, DateTimeOffset until, CancellationToken ct)
    {
        var me = actor.UserId;
        var seen = await db.Users.Where(u => u.Id == me).Select(u => new { u.NewsSeenAt, u.CreatedAt }).SingleOrDefaultAsync(ct);
        var floor = until - LookBack;
        var since = seen?.NewsSeenAt ?? seen?.CreatedAt ?? floor;
        if (since < floor)
        {
            since = floor;
        }

        var staff = actor.IsStaff;
        var supervisor = actor.IsSupervisor;
        var teams = actor.TeamIds.ToList();
        var login = actor.Login;
        return from line in db.TicketHistory.AsNoTracking()
               join ticket in db.Tickets.AsNoTracking() on line.TicketId equals ticket.Id
               where line.At > since && line.At <= until && line.ActorId != me && line.MergedFrom == null
               where (staff && line.Action == HistoryAction.Create && line.Field == null
                       && ((ticket.TeamId != null && teams.Contains(ticket.TeamId.Value)) || (supervisor && ticket.Status == TicketStatus.New)))
                     || (staff && line.Field == HistoryField.Assignee && line.NewValue == login)
                     || (line.IsPublic && (line.Action == HistoryAction.Comment || line.Action == HistoryAction.Update)
                         && (staff ? ticket.AssigneeId == me : ticket.Reporter.UserId == me))
               select new NewsLine
               {
                   Id = line.Id, At = line.At, Action = line.Action, Field = line.Field, Number = ticket.Number, Title = ticket.Title,
                   ActorName = line.ActorName,
               };
    }

    private sealed class NewsLine
    {
        public long Id { get; init; }

        public DateTimeOffset At { get; init; }

        public string Action { get; init; } = "";

        public string? Field { get; init; }

        public string Number { get; init; } = "";

        public string Title { get; init; } = "";

        public string ActorName { get; init; } = "";
    }
}
