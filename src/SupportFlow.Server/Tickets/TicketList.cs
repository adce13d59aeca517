using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Auth;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Tickets;

/// <summary>Filters of <c>GET /api/tickets</c>. Lists are comma-separated: <c>status=new,assigned</c>.</summary>
public sealed record TicketListQuery(
    string? Status,
    string? Priority,
    string? Module,
    string? Assignee,
    string? Team,
    string? Reporter,
    string? Text,
    int? Limit,
    string? Cursor);

/// <summary>
/// The ticket list, newest received first, with keyset paging: the cursor is the last row's
/// (receivedAt, id), so a page costs the same however deep it is and rows never repeat or
/// vanish when new tickets arrive between pages.
/// </summary>
public static class TicketList
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static async Task<Ok<TicketPage>> Query([AsParameters] TicketListQuery query, HttpContext http,
        SupportFlowDbContext db, OrganizationTime org, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var errors = new RequestErrors();
        var statuses = ParseList<TicketStatus>(errors, "status", query.Status);
        var priorities = ParseList<Priority>(errors, "priority", query.Priority);
        var limit = errors.Range("limit", query.Limit, 1, MaxLimit) ?? DefaultLimit;
        var after = query.Cursor is null ? null : Cursor.Parse(errors, query.Cursor);
        var text = errors.Optional("text", query.Text, 200);
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

        if (query.Module is { Length: > 0 } module)
        {
            tickets = tickets.Where(t => t.Module.Name == module);
        }

        tickets = query.Assignee?.Trim().ToLowerInvariant() switch
        {
            null or "" => tickets,
            "none" => tickets.Where(t => t.AssigneeId == null),
            "me" => tickets.Where(t => t.AssigneeId == actor.UserId),
            var login => tickets.Where(t => t.Assignee!.Login == login),
        };

        if (query.Team is { Length: > 0 } team)
        {
            tickets = tickets.Where(t => t.Team!.Name == team);
        }

        if (query.Reporter is { Length: > 0 } reporter)
        {
            var login = reporter.Trim().ToLowerInvariant();
            tickets = tickets.Where(t => db.Users.Any(u => u.Id == t.Reporter.UserId && u.Login == login));
        }

        if (text is not null)
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            tickets = tickets.Where(t => t.Number == text
                || EF.Functions.Like(t.Title, pattern, "\\")
                || EF.Functions.Like(t.Description, pattern, "\\"));
        }

        if (after is { } c)
        {
            tickets = tickets.Where(t => t.ReceivedAt < c.ReceivedAt || (t.ReceivedAt == c.ReceivedAt && t.Id < c.Id));
        }

        var page = await tickets
            .OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id)
            .Take(limit + 1)
            .Include(t => t.Module).Include(t => t.Team).Include(t => t.Assignee)
            .ToListAsync(ct);
        var reporterIds = page.Select(t => t.Reporter.UserId).OfType<int>().Distinct().ToList();
        var logins = await db.Users.Where(u => reporterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Login, ct);
        var items = page.Take(limit)
            .Select(t => TicketResponse.From(t, t.Reporter.UserId is int id ? logins.GetValueOrDefault(id) : null, org, actor.IsStaff))
            .ToList();
        var next = page.Count > limit ? Cursor.Format(page[limit - 1]) : null;
        return TypedResults.Ok(new TicketPage(items, next));
    }

    private static List<T> ParseList<T>(RequestErrors errors, string field, string? value) where T : struct, Enum
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

    private readonly record struct Cursor(DateTimeOffset ReceivedAt, long Id)
    {
        public static string Format(Ticket last) =>
            Convert.ToBase64String(Encoding.ASCII.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"{last.ReceivedAt.UtcTicks}:{last.Id}")))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static Cursor? Parse(RequestErrors errors, string text)
        {
            try
            {
                var base64 = text.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split(':');
                return new Cursor(
                    new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero),
                    long.Parse(parts[1], CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
            {
                errors.Add("cursor", "cursor is not one this API handed out; use nextCursor from the previous page.");
                return null;
            }
        }
    }
}
