using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Search;
using SupportFlow.Server.Auth;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary>
/// Filters of <c>GET /api/tickets</c>. Lists are comma-separated: <c>status=new,assigned</c>; team names may
/// contain commas, so several teams are given by repeating the parameter: <c>team=Network&amp;team=Desktop</c>.
/// <c>from</c> and <c>to</c> narrow to tickets received in [from, to): days (YYYY-MM-DD, both included) or times with offset.
/// </summary>
public sealed record TicketListQuery(
    string? Status,
    string? Priority,
    string? Module,
    string? Assignee,
    string[]? Team,
    string? Reporter,
    string? Text,
    string? Sla,
    string? Sort,
    int? Limit,
    string? Cursor,
    [FromQuery(Name = "q")] string? Q,
    string? From = null,
    string? To = null);

/// <summary>
/// The ticket list, newest received first (or <c>sort=slaDue</c>: nearest SLA due time first,
/// tickets without one last), with keyset paging: the cursor is the last row's sort key and
/// id, so a page costs the same however deep it is and rows never repeat or vanish when new
/// tickets arrive between pages. <c>sla=breached</c> or <c>sla=atRisk</c> narrows to tickets
/// with a breached target, or with a target past 80% and none breached. <c>q</c> is full-text
/// search (<see cref="SearchTokens"/>): tickets matching every term, title hits first, then the most recently recorded.
/// </summary>
public static class TicketList
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;
    private const int MaxSearchPhrases = 16;

    private static readonly DateTimeOffset NoDue = DateTimeOffset.MaxValue;

    /// <summary>No row has this id: what an unknown module, team or assignee name filters by.</summary>
    private const int NoId = -1;

    public static async Task<Ok<TicketPage>> Query([AsParameters] TicketListQuery query, HttpContext http,
        SupportFlowDbContext db, TicketWork work, TimeProvider clock, OrganizationTime org, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var list = await PrepareAsync(query, actor, db, clock.GetUtcNow(), org, withCursor: true, ct);
        // The page's ids first, by one ordered query that stops after limit + 1 rows; then those
        // tickets with everything a response shows. Loading whole tickets in the ordered query
        // would repeat its filters and search in each split query of the includes.
        var rows = list.Order == ListOrder.Relevance
            ? await RelevancePageAsync(list, ct)
            : (await list.Ordered.Select(t => t.Id).Take(list.Limit + 1).ToListAsync(ct)).Select(id => (Id: id, InTitle: false)).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var byId = await db.Tickets.AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .Include(t => t.Module).Include(t => t.Team).Include(t => t.Assignee).Include(t => t.ClockIntervals)
            .Include(t => t.Departments).ThenInclude(d => d.Department)
            .Include(t => t.VendorContacts)
            .AsSplitQuery()
            .ToDictionaryAsync(t => t.Id, ct);
        // A ticket purged between the two queries is left out.
        var page = rows.Where(r => byId.ContainsKey(r.Id)).Select(r => (Ticket: byId[r.Id], r.InTitle)).ToList();
        var items = await work.ResponsesAsync(actor, page.Take(list.Limit).Select(p => p.Ticket).ToList(), ct);

        string? next = null;
        if (page.Count > list.Limit)
        {
            var (last, inTitle) = page[list.Limit - 1];
            next = list.Order switch
            {
                ListOrder.SlaDue => Cursor.Format(last.SlaNextDueAt ?? NoDue, last.Id),
                ListOrder.ReceivedAt => Cursor.Format(last.ReceivedAt, last.Id),
                ListOrder.Relevance => Cursor.Format(last.ReceivedAt, last.Id, inTitle),
            };
        }

        return TypedResults.Ok(new TicketPage(items, next));
    }

    /// <summary>
    /// A search page ranked by relevance: title hits newest first, then the other hits newest
    /// first. "Newest" is the order tickets were recorded in (their id), which each database's
    /// full-text index can stream: a page of a term found in 30,000 of 1,000,000 tickets reads
    /// about 50 of them instead of sorting all 30,000 by receipt time. The two streams are read
    /// one after the other, so a page costs the same however common the term is.
    /// </summary>
    private static async Task<List<(long Id, bool InTitle)>> RelevancePageAsync(ListQuery list, CancellationToken ct)
    {
        var wanted = list.Limit + 1;
        var titleHits = list.TitleHits!;
        var rows = new List<(long Id, bool InTitle)>(wanted);
        if (list.After?.InTitle != false)
        {
            var inTitle = list.Filtered.Where(t => titleHits.Contains(t.Id));
            if (list.After is { } c)
            {
                inTitle = inTitle.Where(t => t.Id < c.Id);
            }

            rows.AddRange((await inTitle.OrderByDescending(t => t.Id).Select(t => t.Id).Take(wanted).ToListAsync(ct))
                .Select(id => (id, true)));
        }

        if (rows.Count < wanted)
        {
            var elsewhere = list.Filtered.Where(t => !titleHits.Contains(t.Id));
            if (list.After is { InTitle: false } c)
            {
                elsewhere = elsewhere.Where(t => t.Id < c.Id);
            }

            rows.AddRange((await elsewhere.OrderByDescending(t => t.Id).Select(t => t.Id).Take(wanted - rows.Count).ToListAsync(ct))
                .Select(id => (id, false)));
        }

        return rows;
    }

    /// <summary>Every ticket the list's filters select for <paramref name="actor"/>, in the list's order, without paging (exports).</summary>
    internal static async Task<IQueryable<Ticket>> MatchingAsync(TicketListQuery query, Actor actor, SupportFlowDbContext db,
        DateTimeOffset now, OrganizationTime org, CancellationToken ct) =>
        (await PrepareAsync(query, actor, db, now, org, withCursor: false, ct)).Ordered;

    /// <summary>How many tickets the list's filters select for <paramref name="actor"/>, counting no further than <paramref name="cap"/> (the console's tab counts).</summary>
    internal static async Task<int> CountAsync(TicketListQuery query, Actor actor, SupportFlowDbContext db,
        DateTimeOffset now, OrganizationTime org, int cap, CancellationToken ct) =>
        await (await PrepareAsync(query, actor, db, now, org, withCursor: false, ct)).Filtered.Take(cap).CountAsync(ct);

    /// <summary>The list's tickets after its filters (<see cref="Filtered"/>), in its order from its cursor on (<see cref="Ordered"/>).</summary>
    private sealed record ListQuery(IQueryable<Ticket> Filtered, IQueryable<Ticket> Ordered, ListOrder Order,
        IQueryable<long>? TitleHits, Cursor? After, int Limit);

    /// <summary>Checks the filters (400 naming each bad one) and builds the ordered query.</summary>
    private static async Task<ListQuery> PrepareAsync(
        TicketListQuery query, Actor actor, SupportFlowDbContext db, DateTimeOffset now, OrganizationTime org, bool withCursor,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        var q = errors.Optional("q", query.Q, 200);
        var phrases = SearchTokens.Query(q);
        if (q is not null && phrases.Count == 0)
        {
            errors.Add("q", "q has no letters or digits to search for.");
        }
        else if (phrases.Count > MaxSearchPhrases)
        {
            errors.Add("q", "q has more than {0} terms.", MaxSearchPhrases);
        }

        var order = query.Sort?.Trim().ToLowerInvariant() switch
        {
            null or "" => phrases.Count > 0 ? ListOrder.Relevance : ListOrder.ReceivedAt,
            "receivedat" => ListOrder.ReceivedAt,
            "sladue" => ListOrder.SlaDue,
            "relevance" when phrases.Count > 0 => ListOrder.Relevance,
            _ => Refused(errors, "sort",
                "sort is receivedAt (newest first), slaDue (nearest SLA due time first) or, with q, relevance (title hits first, then the most recently recorded; the default with q)."),
        };
        var sla = query.Sla?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "breached" or "atrisk" => query.Sla.Trim().ToLowerInvariant(),
            _ => Refuse(errors, "sla", "sla is breached or atRisk") ? null : null,
        };
        var statuses = ParseList<TicketStatus>(errors, "status", query.Status);
        var priorities = ParseList<Priority>(errors, "priority", query.Priority);
        var limit = errors.Range("limit", query.Limit, 1, MaxLimit) ?? DefaultLimit;
        var after = query.Cursor is null || !withCursor ? null : Cursor.Parse(errors, query.Cursor);
        var text = errors.Optional("text", query.Text, 200);
        var receivedFrom = errors.PeriodBound("from", query.From, org, PeriodEnd.From);
        var receivedTo = errors.PeriodBound("to", query.To, org, PeriodEnd.To);
        if (receivedFrom > receivedTo)
        {
            errors.Add("to", "to must not be before from.");
        }

        errors.ThrowIfInvalid();

        var tickets = db.Tickets.AsNoTracking();
        if (!actor.IsStaff)
        {
            tickets = tickets.Where(t => t.Reporter.UserId == actor.UserId);
        }

        if (statuses.Count > 0)
        {
            tickets = tickets.Where(t => statuses.Contains(t.Status));
        }

        if (priorities.Count > 0)
        {
            tickets = tickets.Where(t => priorities.Contains(t.Priority));
        }

        // Names are resolved to ids first: a filter on the ticket's own column lets the
        // (column, sort key, Id) queue indexes serve the sort and stop after one page; PostgreSQL's
        // planner does not carry an index order through a join on the name. An unknown name matches nothing.
        if (query.Module is { Length: > 0 } module)
        {
            var moduleId = await db.Modules.Where(m => m.Name == module).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
            tickets = tickets.Where(t => t.ModuleId == (moduleId ?? NoId));
        }

        var assignee = query.Assignee?.Trim().ToLowerInvariant();
        if (assignee is { Length: > 0 } and not ("none" or "me"))
        {
            var assigneeId = await db.Users.Where(u => u.Login == assignee).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
            tickets = tickets.Where(t => t.AssigneeId == (assigneeId ?? NoId));
        }
        else if (assignee is "none")
        {
            tickets = tickets.Where(t => t.AssigneeId == null);
        }
        else if (assignee is "me")
        {
            tickets = tickets.Where(t => t.AssigneeId == actor.UserId);
        }

        var teamNames = (query.Team ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        if (teamNames.Count > 0)
        {
            // Tickets of any of the teams; one team keeps the plain equality the (TeamId, ...) queue index serves.
            var teamIds = await db.Teams.Where(t => teamNames.Contains(t.Name)).Select(t => (int?)t.Id).ToListAsync(ct);
            tickets = teamIds.Count > 1
                ? tickets.Where(t => teamIds.Contains(t.TeamId))
                : tickets.Where(t => t.TeamId == (teamIds.SingleOrDefault() ?? NoId));
        }

        if (query.Reporter is { Length: > 0 } reporter)
        {
            var login = reporter.Trim().ToLowerInvariant();
            tickets = tickets.Where(t => db.Users.Any(u => u.Id == t.Reporter.UserId && u.Login == login));
        }

        if (receivedFrom is { } start)
        {
            tickets = tickets.Where(t => t.ReceivedAt >= start);
        }

        if (receivedTo is { } end)
        {
            tickets = tickets.Where(t => t.ReceivedAt < end);
        }

        if (text is not null)
        {
            tickets = tickets.WhereText(db.Database, text);
        }

        IQueryable<long>? titleHits = null;
        if (phrases.Count > 0)
        {
            // A reporter finds their own tickets, and only by text they may read: never by a work note.
            var hits = TicketSearchSql.Matching(db, phrases, actor.IsStaff ? SearchScope.All : SearchScope.Public);
            tickets = tickets.Where(t => hits.Contains(t.Id));
            titleHits = TicketSearchSql.Matching(db, phrases, SearchScope.Title);
        }

        if (sla == "breached")
        {
            tickets = tickets.Where(t => t.SlaBreached || t.SlaNextDueAt <= now);
        }
        else if (sla == "atrisk")
        {
            tickets = tickets.Where(t => !t.SlaBreached && t.SlaNextWarnAt <= now && !(t.SlaNextDueAt <= now));
        }

        var filtered = tickets;
        IQueryable<Ticket> ordered;
        if (order == ListOrder.Relevance && titleHits is not null)
        {
            // Exports read every hit in the page order (RelevancePageAsync streams a page of it).
            ordered = tickets.OrderByDescending(t => titleHits.Contains(t.Id)).ThenByDescending(t => t.Id);
        }
        else if (order == ListOrder.SlaDue)
        {
            if (after is { } c)
            {
                tickets = tickets.Where(t => (t.SlaNextDueAt ?? NoDue) > c.Key
                                             || ((t.SlaNextDueAt ?? NoDue) == c.Key && t.Id > c.Id));
            }

            ordered = tickets.OrderBy(t => t.SlaNextDueAt ?? NoDue).ThenBy(t => t.Id);
        }
        else
        {
            if (after is { } c)
            {
                tickets = tickets.Where(t => t.ReceivedAt < c.Key || (t.ReceivedAt == c.Key && t.Id < c.Id));
            }

            ordered = tickets.OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id);
        }

        return new ListQuery(filtered, ordered, order, titleHits, after, limit);
    }

    private static bool Refuse(RequestErrors errors, string field, string key)
    {
        errors.Add(field, key);
        return false;
    }

    private static ListOrder Refused(RequestErrors errors, string field, string key)
    {
        errors.Add(field, key);
        return ListOrder.ReceivedAt;
    }

    private enum ListOrder
    {
        ReceivedAt,
        SlaDue,
        Relevance,
    }

    /// <summary>A comma list of wire names ("P1,P2"); each bad one is named in <paramref name="errors"/>. Reports take their filters so too.</summary>
    internal static List<T> ParseList<T>(RequestErrors errors, string field, string? value) where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (errors.Enum<T>(field, part) is { } parsed)
            {
                result.Add(parsed);
            }
        }

        return result;
    }

    /// <summary>The last row's sort key and id; for a search ranked by relevance also whether it was a title hit.</summary>
    private readonly record struct Cursor(DateTimeOffset Key, long Id, bool? InTitle)
    {
        public static string Format(DateTimeOffset key, long id, bool? inTitle = null) =>
            Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"{key.UtcTicks}:{id}{inTitle switch { null => "", true => ":1", false => ":0" }}")));

        public static Cursor? Parse(RequestErrors errors, string text)
        {
            try
            {
                var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split(':');
                return new Cursor(
                    new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero),
                    long.Parse(parts[1], CultureInfo.InvariantCulture),
                    parts.Length > 2 ? parts[2] == "1" : null);
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
            {
                errors.Add("cursor", "cursor is not one this API handed out; use nextCursor from the previous page.");
                return null;
            }
        }
    }
}
