using SupportFlow.Localization;

namespace SupportFlow.Routing;

/// <summary>A team member as automatic assignment sees them: may they take work now, and how much is open.</summary>
public sealed record TeamMemberLoad(int UserId, string Login, bool Available, int OpenTickets);

/// <summary>Who automatic assignment chose, and why (the reason goes into the ticket's history).</summary>
public sealed record AssignmentChoice(TeamMemberLoad Member, LocalizedMessage Reason);

/// <summary>
/// Which member of a team gets a new ticket. Only available members take part, in login order
/// (ordinal), so the choice never depends on the order the database returns rows in.
/// <list type="bullet">
/// <item>round robin: the team's Nth automatic assignment goes to available member N mod count;</item>
/// <item>least loaded: fewest open tickets; a tie goes to the first in login order.</item>
/// </list>
/// </summary>
public static class AssignmentRules
{
    public static IReadOnlyList<TeamMemberLoad> Eligible(IEnumerable<TeamMemberLoad> members) =>
        [.. members.Where(m => m.Available).OrderBy(m => m.Login, StringComparer.Ordinal)];

    /// <summary><paramref name="turn"/> counts the team's automatic assignments from 1.</summary>
    public static AssignmentChoice? RoundRobin(IEnumerable<TeamMemberLoad> members, long turn)
    {
        var eligible = Eligible(members);
        if (eligible.Count == 0)
        {
            return null;
        }

        var index = (int)((turn - 1) % eligible.Count);
        var member = eligible[index < 0 ? index + eligible.Count : index];
        return new AssignmentChoice(member,
            new LocalizedMessage("Auto-assigned (round robin: turn {0}, {1} of {2} available members)", turn, index + 1, eligible.Count));
    }

    public static AssignmentChoice? LeastLoaded(IEnumerable<TeamMemberLoad> members)
    {
        var eligible = Eligible(members);
        if (eligible.Count == 0)
        {
            return null;
        }

        var member = eligible.OrderBy(m => m.OpenTickets).First(); // OrderBy is stable: ties keep login order
        var tied = eligible.Count(m => m.OpenTickets == member.OpenTickets);
        return new AssignmentChoice(member,
            tied > 1
                ? new LocalizedMessage("Auto-assigned (least loaded: {0} open tickets, tie among {1} broken by login order)", member.OpenTickets, tied)
                : new LocalizedMessage("Auto-assigned (least loaded: {0} open tickets)", member.OpenTickets));
    }

}
