using SupportFlow.Tickets;
using static SupportFlow.Tickets.TicketStatus;

namespace SupportFlow.Tests.Tickets;

/// <summary>
/// The transition table, proved through the real <see cref="Ticket"/> methods: for every
/// (step, status) pair the ticket is walked into the status and the step is tried. The expected
/// table is written here from SPEC.md, not read from <see cref="TicketTransitions"/>.
/// </summary>
public sealed class TicketLifecycleTests
{
    /// <summary>The steps a ticket can take; confirm is split by its answer, auto-close is the system's close.</summary>
    public enum Step
    {
        Triage,
        Assign,
        Start,
        Worklog,
        Update,
        Comment,
        Pend,
        Resume,
        Resolve,
        ConfirmSolved,
        ConfirmNotSolved,
        Close,
        AutoClose,
        Reopen,
        Cancel,
        Attach,
    }

    private static readonly TicketStatus[] Open = [New, Assigned, InProgress, Pending];

    private static readonly TicketStatus[] NotFinished = [New, Assigned, InProgress, Pending, Resolved];

    private static readonly Dictionary<Step, TicketStatus[]> ExpectedAllowedFrom = new()
    {
        [Step.Triage] = Open,
        [Step.Assign] = Open,
        [Step.Start] = [Assigned],
        [Step.Worklog] = NotFinished,
        [Step.Update] = NotFinished,
        [Step.Comment] = NotFinished,
        [Step.Pend] = [Assigned, InProgress],
        [Step.Resume] = [Pending],
        [Step.Resolve] = [Assigned, InProgress],
        [Step.ConfirmSolved] = [Resolved],
        [Step.ConfirmNotSolved] = [Resolved],
        [Step.Close] = [Resolved],
        [Step.AutoClose] = [Resolved],
        [Step.Reopen] = [Resolved, Closed],
        [Step.Cancel] = Open,
        [Step.Attach] = [New, Assigned, InProgress, Pending, Resolved, Closed],
    };

    private static readonly Dictionary<TicketStatus, string> WireName = new()
    {
        [New] = "new",
        [Assigned] = "assigned",
        [InProgress] = "inProgress",
        [Pending] = "pending",
        [Resolved] = "resolved",
        [Closed] = "closed",
        [Cancelled] = "cancelled",
    };

    public static TheoryData<Step, TicketStatus, TicketStatus> AllowedSteps()
    {
        var data = new TheoryData<Step, TicketStatus, TicketStatus>();
        foreach (var step in Enum.GetValues<Step>())
        {
            foreach (var from in ExpectedAllowedFrom[step])
            {
                data.Add(step, from, ExpectedStatusAfter(step, from));
            }
        }

        return data;
    }

    public static TheoryData<Step, TicketStatus> RefusedSteps()
    {
        var data = new TheoryData<Step, TicketStatus>();
        foreach (var step in Enum.GetValues<Step>())
        {
            foreach (var from in Enum.GetValues<TicketStatus>().Except(ExpectedAllowedFrom[step]))
            {
                data.Add(step, from);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedSteps))]
    public void AllowedStepMovesTicketToExpectedStatus(Step step, TicketStatus from, TicketStatus expected)
    {
        var desk = new Desk();
        var ticket = desk.In(from);
        var version = ticket.Version;
        var lines = ticket.History.Count;

        Take(desk, ticket, step);

        Assert.Equal(expected, ticket.Status);
        Assert.Equal(version + 1, ticket.Version);
        Assert.True(ticket.History.Count > lines, "every accepted step leaves a line in the history");
    }

    [Theory]
    [MemberData(nameof(RefusedSteps))]
    public void RefusedStepThrowsNamingTheCurrentStatusAndChangesNothing(Step step, TicketStatus from)
    {
        var desk = new Desk();
        var ticket = desk.In(from);
        var version = ticket.Version;
        var lines = ticket.History.Count;

        var refused = Assert.Throws<TicketTransitionException>(() => Take(desk, ticket, step));

        Assert.Equal(from, refused.Status);
        Assert.Contains($"is {WireName[from]}:", refused.Message, StringComparison.Ordinal);
        Assert.Equal(from, ticket.Status);
        Assert.Equal(version, ticket.Version);
        Assert.Equal(lines, ticket.History.Count);
    }

    [Fact]
    public void ExpectedTableCoversEveryActionAndEveryStatus()
    {
        var covered = Enum.GetValues<Step>().Select(ActionOf).ToHashSet();

        Assert.Equal(Enum.GetValues<TicketAction>().ToHashSet(), covered);
        Assert.Equal(Enum.GetValues<TicketStatus>().Length, WireName.Count);
        Assert.Equal(Enum.GetValues<Step>().Length, ExpectedAllowedFrom.Count);
    }

    private static TicketStatus ExpectedStatusAfter(Step step, TicketStatus from) => step switch
    {
        Step.Triage or Step.Worklog or Step.Update or Step.Comment or Step.Attach or Step.ConfirmSolved => from,
        // Reassigning to another owner puts the ticket back to assigned; a pending ticket keeps
        // waiting and returns to assigned when it resumes (TicketRulesTests).
        Step.Assign => from == Pending ? Pending : Assigned,
        Step.Start => InProgress,
        Step.Pend => Pending,
        // Desk.In(Pending) pends a ticket that was in progress.
        Step.Resume => InProgress,
        Step.Resolve => Resolved,
        Step.ConfirmNotSolved or Step.Reopen => InProgress,
        Step.Close or Step.AutoClose => Closed,
        Step.Cancel => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    private static TicketAction ActionOf(Step step) => step switch
    {
        Step.ConfirmSolved or Step.ConfirmNotSolved => TicketAction.Confirm,
        Step.AutoClose => TicketAction.Close,
        _ => Enum.Parse<TicketAction>(step.ToString()),
    };

    /// <summary>Takes the step with valid input, as someone who is allowed to.</summary>
    internal static void Take(Desk desk, Ticket ticket, Step step)
    {
        var at = desk.Next();
        switch (step)
        {
            case Step.Triage:
                ticket.Triage(desk.Supervisor, at, Priority.P2, "Whole office cannot invoice");
                break;
            case Step.Assign:
                ticket.Assign(desk.Supervisor, at, desk.Erin, desk.Systems, "Erin knows the printer drivers");
                break;
            case Step.Start:
                ticket.Start(desk.Owner, at);
                break;
            case Step.Worklog:
                ticket.LogWork(desk.Owner, at, "Checked the print spooler remotely", WorkMethod.Remote);
                break;
            case Step.Update:
                ticket.PostUpdate(desk.Owner, at, "We are looking into it");
                break;
            case Step.Comment:
                ticket.Comment(desk.Supervisor, at, "Same problem reported by finance");
                break;
            case Step.Pend:
                ticket.Pend(desk.Owner, at, PendingReason.Reporter, "Which printer exactly?");
                break;
            case Step.Resume:
                ticket.Resume(desk.Owner, at);
                break;
            case Step.Resolve:
                ticket.Resolve(desk.Owner, at, "Reinstalled the driver", "Corrupted driver", null, Verification.Onsite, null);
                break;
            case Step.ConfirmSolved:
                ticket.Confirm(desk.Reporter, at, resolved: true, "Prints again", 4);
                break;
            case Step.ConfirmNotSolved:
                ticket.Confirm(desk.Reporter, at, resolved: false, "Still fails on page two", null);
                break;
            case Step.Close:
                ticket.Close(desk.Supervisor, at, "Corrupted driver", "Reinstalled the driver");
                break;
            case Step.AutoClose:
                ticket.AutoClose(at);
                break;
            case Step.Reopen:
                ticket.Reopen(desk.Owner, at, "The error is back");
                break;
            case Step.Cancel:
                ticket.Cancel(desk.Supervisor, at, "Withdrawn by the reporter");
                break;
            case Step.Attach:
                ticket.RecordAttachment(desk.Reporter, at, "error.png", 48_213);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }
}
