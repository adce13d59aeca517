using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Server.Routing;

/// <summary>
/// Loads what <see cref="AssignmentRules"/> needs about a team (members, availability, open
/// tickets) and takes a round-robin turn. Runs inside the intake transaction, after the ticket
/// number was taken: on SQLite that transaction already holds the write lock, so concurrent
/// intakes choose one after another.
/// </summary>
public static class AutoAssignment
{
    public sealed record Choice(User Owner, Localization.LocalizedMessage Reason);

    private static readonly TicketStatus[] Open =
        [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Pending];

    public static async Task<Choice?> ChooseAsync(SupportFlowDbContext db, Team team, CancellationToken ct)
    {
        if (team.AssignmentMode == AssignmentMode.Manual)
        {
            return null;
        }

        var members = await db.Users.WhoCanOwnTickets().Where(u => u.Teams.Any(t => t.Id == team.Id))
            .ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var open = team.AssignmentMode == AssignmentMode.LeastLoaded && ids.Count > 0
            ? await db.Tickets.Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId.Value) && Open.Contains(t.Status))
                .GroupBy(t => t.AssigneeId!.Value)
                .Select(g => new { UserId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.UserId, g => g.Count, ct)
            : [];
        var loads = members.Select(m => new TeamMemberLoad(m.Id, m.Login, m.Available, open.GetValueOrDefault(m.Id))).ToList();
        var choice = team.AssignmentMode switch
        {
            AssignmentMode.RoundRobin => AssignmentRules.Eligible(loads).Count == 0
                ? null
                : AssignmentRules.RoundRobin(loads, await NextTurnAsync(db, team, ct)),
            AssignmentMode.LeastLoaded => AssignmentRules.LeastLoaded(loads),
            AssignmentMode.Manual => null,
        };
        return choice is null ? null : new Choice(members.Single(m => m.Id == choice.Member.UserId), choice.Reason);
    }

    /// <summary>Increments the team's turn counter in the database and returns the new value: no two intakes share a turn.</summary>
    private static async Task<long> NextTurnAsync(SupportFlowDbContext db, Team team, CancellationToken ct)
    {
        var turns = await db.Database.SqlQuery<long>($"""
            UPDATE "Teams" SET "AutoAssignTurns" = "AutoAssignTurns" + 1 WHERE "Id" = {team.Id}
            RETURNING "AutoAssignTurns" AS "Value"
            """).ToListAsync(ct);
        return turns.Single();
    }
}
