using SupportFlow.Common;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Tests.Tickets;

/// <summary>The rules of SPEC.md's lifecycle beyond the table: who confirms, what a step needs, what it records.</summary>
public sealed class TicketRulesTests
{
    private readonly Desk _desk = new();

    // ---- intake ----

    [Fact]
    public void ReceivingAReportInTheFutureIsRefused()
    {
        var now = _desk.Clock.GetUtcNow();
        var intake = _desk.Intake(receivedAt: now.AddMinutes(1));

        Assert.Throws<DomainException>(() => Ticket.Receive(Desk.Number, intake, _desk.Module, _desk.Reporter, now));
    }

    [Fact]
    public void ReportReceivedJustNowIsAccepted()
    {
        var now = _desk.Clock.GetUtcNow();

        var ticket = Ticket.Receive(Desk.Number, _desk.Intake(receivedAt: now), _desk.Module, _desk.Reporter, now);

        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(now, ticket.ReceivedAt);
        Assert.Equal(Desk.Number, ticket.Number);
    }

    [Fact]
    public void NewTicketGoesToTheModulesTeamAndRecordsItInHistory()
    {
        var ticket = _desk.Receive();

        Assert.Same(_desk.Systems, ticket.Team);
        var team = Assert.Single(ticket.History, h => h.Field == "team");
        Assert.Null(team.OldValue);
        Assert.Equal("System engineers", team.NewValue);
        Assert.Equal("alice", team.ActorLogin);
    }

    [Fact]
    public void PhoneReportRecordedByAnEngineerNamesBothInHistory()
    {
        var caller = new ReporterInfo(null, "Carl Caller", "Finance", "+86 21 5555 0199", null);
        var intake = _desk.Intake() with { Reporter = caller, Channel = Channel.Phone };

        var ticket = Ticket.Receive(Desk.Number, intake, _desk.Module, _desk.Owner, _desk.Clock.GetUtcNow());

        Assert.Equal(_desk.Eve.Id, ticket.RecordedById);
        var created = ticket.History[0];
        Assert.Equal("eve", created.ActorLogin);
        Assert.Contains("Carl Caller", created.Note, StringComparison.Ordinal);
        Assert.False(ticket.IsReporter(_desk.Owner));
    }

    // ---- confirmation ----

    [Fact]
    public void ReporterConfirmationKeepsTicketResolvedAndRecordsWhen()
    {
        var ticket = _desk.In(TicketStatus.Resolved);
        var at = _desk.Next();

        ticket.Confirm(_desk.Reporter, at, resolved: true, "Prints again", 5);

        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal(at, ticket.ConfirmedAt);
        Assert.Equal(5, ticket.Rating);
        Assert.Equal("Prints again", ticket.ConfirmationComment);
        Assert.False(ticket.ConfirmedOnBehalf);
        var line = Assert.Single(ticket.History, h => h.Field == "confirmation");
        Assert.Equal("resolved", line.NewValue);
        Assert.False(line.OnBehalfOfReporter);
        var rating = Assert.Single(ticket.History, h => h.Field == "rating");
        Assert.Null(rating.OldValue);
        Assert.Equal("5", rating.NewValue);
    }

    [Fact]
    public void RejectedConfirmationReopensToInProgressAndCountsTheReopen()
    {
        var ticket = _desk.In(TicketStatus.Resolved);

        ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: false, "Page two still fails", 2);

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.Null(ticket.ConfirmedAt);
        Assert.Null(ticket.ResolvedAt);
        var count = Assert.Single(ticket.History, h => h.Field == "reopenCount");
        Assert.Equal(("0", "1"), (count.OldValue, count.NewValue));
        Assert.Contains(ticket.History, h => h.Field == "confirmation" && h.NewValue == "notResolved");
    }

    [Fact]
    public void EngineerCannotConfirmOnTheReportersBehalf()
    {
        var ticket = _desk.In(TicketStatus.Resolved);
        var version = ticket.Version;

        Assert.Throws<ForbiddenException>(() => ticket.Confirm(_desk.Owner, _desk.Next(), resolved: true, null, null));

        Assert.Null(ticket.ConfirmedAt);
        Assert.Equal(version, ticket.Version);
    }

    [Fact]
    public void AnotherReporterCannotConfirm()
    {
        var ticket = _desk.In(TicketStatus.Resolved);

        Assert.Throws<ForbiddenException>(() =>
            ticket.Confirm(_desk.Bob.ToActor(), _desk.Next(), resolved: true, null, null));
    }

    [Fact]
    public void SupervisorConfirmationIsRecordedAsOnBehalfOfTheReporter()
    {
        var ticket = _desk.In(TicketStatus.Resolved);

        ticket.Confirm(_desk.Supervisor, _desk.Next(), resolved: true, "Reporter confirmed by phone", 4);

        Assert.True(ticket.ConfirmedOnBehalf);
        Assert.NotNull(ticket.ConfirmedAt);
        var line = Assert.Single(ticket.History, h => h.Field == "confirmation");
        Assert.True(line.OnBehalfOfReporter);
        Assert.Equal("sam", line.ActorLogin);
        Assert.True(Assert.Single(ticket.History, h => h.Field == "rating").OnBehalfOfReporter);
    }

    [Fact]
    public void SecondConfirmationIsRefused()
    {
        var ticket = _desk.In(TicketStatus.Resolved);
        ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: true, "Fine", 5);
        var version = ticket.Version;

        Assert.Throws<DomainException>(() => ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: false, "Hmm", 1));

        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal(5, ticket.Rating);
        Assert.Equal(0, ticket.ReopenCount);
        Assert.Equal(version, ticket.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void RatingOutsideOneToFiveIsRefused(int rating)
    {
        var ticket = _desk.In(TicketStatus.Resolved);

        Assert.Throws<DomainException>(() => ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: true, null, rating));

        Assert.Null(ticket.Rating);
        Assert.Null(ticket.ConfirmedAt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void RatingAtTheEdgesIsAccepted(int rating)
    {
        var ticket = _desk.In(TicketStatus.Resolved);

        ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: true, null, rating);

        Assert.Equal(rating, ticket.Rating);
    }

    // ---- closing ----

    [Fact]
    public void OwnerClosesAConfirmedTicketWithSummary()
    {
        var ticket = _desk.In(TicketStatus.Resolved);
        ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: true, "Fine", 5);
        var at = _desk.Next();

        ticket.Close(_desk.Owner, at, "Driver update broke the spooler", "Rolled the driver back");

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(at, ticket.ClosedAt);
        Assert.False(ticket.ClosedWithoutConfirmation);
        var cause = ticket.History.Last(h => h.Field == "cause");
        Assert.Equal(("Printer driver corrupted", "Driver update broke the spooler"), (cause.OldValue, cause.NewValue));
        Assert.Equal("eve", cause.ActorLogin);
    }

    [Fact]
    public void EngineerCannotCloseWithoutTheReportersConfirmation()
    {
        var ticket = _desk.In(TicketStatus.Resolved);

        Assert.Throws<DomainException>(() => ticket.Close(_desk.Owner, _desk.Next(), "Cause", "Solution"));

        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Null(ticket.ClosedAt);
    }

    [Fact]
    public void SupervisorClosingWithoutConfirmationIsRecordedAsSuch()
    {
        var ticket = _desk.In(TicketStatus.Resolved);

        ticket.Close(_desk.Supervisor, _desk.Next(), "Cause", "Solution");

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.True(ticket.ClosedWithoutConfirmation);
    }

    [Theory]
    [InlineData("", "Solution")]
    [InlineData("   ", "Solution")]
    [InlineData("Cause", "")]
    [InlineData("Cause", " \t")]
    public void ClosingNeedsCauseAndSolution(string cause, string solution)
    {
        var ticket = _desk.In(TicketStatus.Resolved);
        ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: true, null, null);

        Assert.Throws<DomainException>(() => ticket.Close(_desk.Owner, _desk.Next(), cause, solution));

        Assert.Equal(TicketStatus.Resolved, ticket.Status);
    }

    [Fact]
    public void UnansweredResolutionClosesItselfWithoutConfirmation()
    {
        var ticket = _desk.In(TicketStatus.Resolved);
        var at = _desk.Next();

        ticket.AutoClose(at);

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.True(ticket.ClosedWithoutConfirmation);
        Assert.Equal(at, ticket.ClosedAt);
        var status = ticket.History.Last(h => h.Field == "status");
        Assert.Equal(("resolved", "closed"), (status.OldValue, status.NewValue));
        Assert.Null(status.ActorId);
        Assert.Equal("system", status.ActorLogin);
    }

    [Fact]
    public void ConfirmedTicketDoesNotCloseItself()
    {
        var ticket = _desk.In(TicketStatus.Resolved);
        ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: true, null, null);

        Assert.Throws<DomainException>(() => ticket.AutoClose(_desk.Next()));

        Assert.Equal(TicketStatus.Resolved, ticket.Status);
    }

    // ---- resolving, reopening, cancelling ----

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ResolvingNeedsASolution(string solution)
    {
        var ticket = _desk.In(TicketStatus.InProgress);

        Assert.Throws<DomainException>(() =>
            ticket.Resolve(_desk.Owner, _desk.Next(), solution, null, null, null, null));

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Null(ticket.Solution);
    }

    [Fact]
    public void ResolvingRecordsSolutionAndBackupWithBackupInternal()
    {
        var ticket = _desk.In(TicketStatus.Resolved);

        var solution = Assert.Single(ticket.History, h => h.Field == "solution");
        Assert.Equal((null, "Reinstalled the printer driver"), (solution.OldValue, solution.NewValue));
        Assert.True(solution.IsPublic);
        var backup = Assert.Single(ticket.History, h => h.Field == "backup");
        Assert.Equal("Exported the driver settings", backup.NewValue);
        Assert.False(backup.IsPublic);
        Assert.Equal("remote", Assert.Single(ticket.History, h => h.Field == "verification").NewValue);
        Assert.NotNull(ticket.ResolvedAt);
    }

    [Fact]
    public void ReopeningAClosedTicketReturnsItToWorkAndCountsIt()
    {
        var ticket = _desk.In(TicketStatus.Closed);

        ticket.Reopen(_desk.Reporter, _desk.Next(), "The error is back");

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.Null(ticket.ClosedAt);
        Assert.Null(ticket.ConfirmedAt);
        Assert.False(ticket.ClosedWithoutConfirmation);
    }

    [Fact]
    public void EachReopenCountsAgain()
    {
        var ticket = _desk.In(TicketStatus.Resolved);
        ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: false, "Not fixed", null);
        _desk.Resolve(ticket);
        ticket.Reopen(_desk.Reporter, _desk.Next(), "Still not fixed");

        Assert.Equal(2, ticket.ReopenCount);
        var last = ticket.History.Last(h => h.Field == "reopenCount");
        Assert.Equal(("1", "2"), (last.OldValue, last.NewValue));
    }

    [Fact]
    public void ReopeningNeedsAReason()
    {
        var ticket = _desk.In(TicketStatus.Closed);

        Assert.Throws<DomainException>(() => ticket.Reopen(_desk.Reporter, _desk.Next(), " "));

        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }

    [Fact]
    public void CancellingNeedsAReasonAndRecordsIt()
    {
        var ticket = _desk.In(TicketStatus.New);
        Assert.Throws<DomainException>(() => ticket.Cancel(_desk.Supervisor, _desk.Next(), ""));
        Assert.Equal(TicketStatus.New, ticket.Status);

        ticket.Cancel(_desk.Supervisor, _desk.Next(), "  Duplicate of 20260519-004 ");

        Assert.Equal(TicketStatus.Cancelled, ticket.Status);
        Assert.Equal("Duplicate of 20260519-004", ticket.CancelReason);
        Assert.Contains(ticket.History, h => h.Field == "cancelReason" && h.NewValue == "Duplicate of 20260519-004");
    }

    // ---- pending ----

    [Fact]
    public void ResumeReturnsToTheStatusBeforePending()
    {
        var ticket = _desk.In(TicketStatus.Assigned);
        ticket.Pend(_desk.Owner, _desk.Next(), PendingReason.Vendor, "Waiting for the vendor");

        ticket.Resume(_desk.Owner, _desk.Next());

        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.Null(ticket.PendingReason);
        Assert.Null(ticket.StatusBeforePending);
    }

    [Fact]
    public void PendingRecordsReasonAndNote()
    {
        var ticket = _desk.In(TicketStatus.InProgress);

        ticket.Pend(_desk.Owner, _desk.Next(), PendingReason.Reporter, "Which printer?");

        Assert.Equal(PendingReason.Reporter, ticket.PendingReason);
        Assert.Equal("Which printer?", ticket.PendingNote);
        Assert.Equal(TicketStatus.InProgress, ticket.StatusBeforePending);
        var reason = Assert.Single(ticket.History, h => h.Field == "pendingReason");
        Assert.Equal((null, "reporter"), (reason.OldValue, reason.NewValue));
        Assert.Equal("Which printer?", reason.Note);
    }

    [Fact]
    public void ReporterCommentOnTicketPendingOnThemResumesIt()
    {
        var ticket = _desk.In(TicketStatus.InProgress);
        ticket.Pend(_desk.Owner, _desk.Next(), PendingReason.Reporter, "Which printer?");

        ticket.Comment(_desk.Reporter, _desk.Next(), "The one in room A");

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Null(ticket.PendingReason);
        var status = ticket.History.Last(h => h.Field == "status");
        Assert.Equal(("pending", "inProgress"), (status.OldValue, status.NewValue));
        Assert.Equal("comment", status.Action);
    }

    [Fact]
    public void ReporterCommentOnTicketPendingOnVendorDoesNotResumeIt()
    {
        var ticket = _desk.In(TicketStatus.Pending);

        ticket.Comment(_desk.Reporter, _desk.Next(), "Any news?");

        Assert.Equal(TicketStatus.Pending, ticket.Status);
        Assert.Equal(PendingReason.Vendor, ticket.PendingReason);
    }

    [Fact]
    public void StaffCommentOnTicketPendingOnReporterDoesNotResumeIt()
    {
        var ticket = _desk.In(TicketStatus.InProgress);
        ticket.Pend(_desk.Owner, _desk.Next(), PendingReason.Reporter, "Which printer?");

        ticket.Comment(_desk.Supervisor, _desk.Next(), "Reminder sent");

        Assert.Equal(TicketStatus.Pending, ticket.Status);
    }

    // ---- assignment ----

    [Fact]
    public void AssigningANewTicketRecordsTeamOwnerAndStatus()
    {
        var ticket = _desk.Receive();
        var at = _desk.Next();

        ticket.Assign(_desk.Supervisor, at, _desk.Nick, _desk.Network, "Looks like a network fault");

        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.Equal(_desk.Nick.Id, ticket.AssigneeId);
        Assert.Same(_desk.Network, ticket.Team);
        Assert.Equal(at, ticket.FirstAssignedAt);
        var team = Assert.Single(ticket.History, h => h.Field == "team" && h.Action == "assign");
        Assert.Equal(("System engineers", "Network"), (team.OldValue, team.NewValue));
        var owner = Assert.Single(ticket.History, h => h.Field == "assignee");
        Assert.Equal((null, "nick"), (owner.OldValue, owner.NewValue));
        Assert.Equal("Looks like a network fault", owner.Note);
        Assert.Equal("sam", owner.ActorLogin);
    }

    [Fact]
    public void ReassigningAStartedTicketPutsItBackToAssignedAndRecordsBothOwners()
    {
        var ticket = _desk.In(TicketStatus.InProgress);
        var firstAssigned = ticket.FirstAssignedAt;

        ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Erin, _desk.Systems, "Eve is on leave");

        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.Equal(_desk.Erin.Id, ticket.AssigneeId);
        Assert.Equal(firstAssigned, ticket.FirstAssignedAt);
        var owner = ticket.History.Last(h => h.Field == "assignee");
        Assert.Equal(("eve", "erin"), (owner.OldValue, owner.NewValue));
        var status = ticket.History.Last(h => h.Field == "status");
        Assert.Equal(("inProgress", "assigned"), (status.OldValue, status.NewValue));
    }

    [Fact]
    public void ReassigningAPendingTicketKeepsItWaitingAndResumesToAssigned()
    {
        var ticket = _desk.In(TicketStatus.Pending);

        ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Erin, _desk.Systems, "Eve is on leave");
        Assert.Equal(TicketStatus.Pending, ticket.Status);

        ticket.Resume(_desk.Supervisor, _desk.Next());
        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.Equal(_desk.Erin.Id, ticket.AssigneeId);
    }

    [Fact]
    public void AssigningToATeamMemberOfTheModulesTeamRecordsNoTeamChange()
    {
        var ticket = _desk.Receive();

        _desk.AssignToEve(ticket);

        Assert.DoesNotContain(ticket.History, h => h.Field == "team" && h.Action == "assign");
        Assert.DoesNotContain(ticket.History, h => h.Field is not null && h.OldValue == h.NewValue && h.Action != "triage");
    }

    [Fact]
    public void AssigningTheCurrentOwnerAgainIsNotASilentNoOp()
    {
        var ticket = _desk.In(TicketStatus.InProgress).AsStored();
        var lines = ticket.History.Count;

        var refused = Record.Exception(() => _desk.AssignToEve(ticket));

        Assert.True(refused is DomainException || ticket.History.Count > lines,
            "assigning the ticket to its owner and team again must be refused or leave a line in the history");
    }

    [Fact]
    public void ReporterCannotOwnATicket()
    {
        var ticket = _desk.Receive();

        Assert.Throws<DomainException>(() => ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Bob, _desk.Systems, null));

        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Null(ticket.AssigneeId);
    }

    [Fact]
    public void DeactivatedEngineerCannotOwnATicket()
    {
        var ticket = _desk.Receive();
        _desk.Erin.IsActive = false;

        Assert.Throws<DomainException>(() => ticket.Assign(_desk.Supervisor, _desk.Next(), _desk.Erin, _desk.Systems, null));

        Assert.Null(ticket.AssigneeId);
    }

    // ---- triage ----

    [Fact]
    public void TriageChangingPriorityRecordsOldNewReasonAndActor()
    {
        var ticket = _desk.Receive();
        var at = _desk.Next();

        ticket.Triage(_desk.Supervisor, at, Priority.P1, "Business interrupted");

        Assert.Equal(Priority.P1, ticket.Priority);
        Assert.Equal(at, ticket.TriagedAt);
        Assert.Equal(TicketStatus.New, ticket.Status);
        var line = Assert.Single(ticket.History, h => h.Field == "priority");
        Assert.Equal(("P3", "P1"), (line.OldValue, line.NewValue));
        Assert.Equal("Business interrupted", line.Note);
        Assert.Equal(_desk.Sam.Id, line.ActorId);
        Assert.Equal("triage", line.Action);
        Assert.Equal(at, line.At);
    }

    [Fact]
    public void TriageConfirmingPriorityIsStillRecorded()
    {
        var ticket = _desk.Receive();

        ticket.Triage(_desk.Supervisor, _desk.Next(), Priority.P3, "Matches the grading table");

        Assert.Equal(Priority.P3, ticket.Priority);
        Assert.NotNull(ticket.TriagedAt);
        var line = Assert.Single(ticket.History, h => h.Field == "priority");
        Assert.Equal("Matches the grading table", line.Note);
    }

    // ---- notes and updates ----

    [Fact]
    public void WorklogIsAnInternalNoteWithItsMethod()
    {
        var ticket = _desk.In(TicketStatus.InProgress);
        var respondedAt = ticket.FirstRespondedAt;
        var at = _desk.Next();

        ticket.LogWork(_desk.Owner, at, "Replaced the toner on site", WorkMethod.Onsite);

        var line = ticket.History[^1];
        Assert.Equal("worklog", line.Action);
        Assert.False(line.IsPublic);
        Assert.Equal(WorkMethod.Onsite, line.Method);
        Assert.Equal("Replaced the toner on site", line.Note);
        Assert.Equal("eve", line.ActorLogin);
        Assert.Equal(at, line.At);
        Assert.Equal(respondedAt, ticket.FirstRespondedAt);
        Assert.Null(ticket.LastPublicUpdateAt);
    }

    [Fact]
    public void TheAcknowledgementOnFirstAssignmentIsTheFirstResponse()
    {
        var ticket = _desk.Receive();
        Assert.Null(ticket.FirstRespondedAt);

        _desk.AssignToEve(ticket);

        Assert.Equal(_desk.Clock.GetUtcNow(), ticket.FirstRespondedAt);
        Assert.Contains(ticket.History, h => h.IsPublic && h.Note is { } note
            && note.StartsWith("Received; owner: ", StringComparison.Ordinal) && note.Contains("first feedback expected within", StringComparison.Ordinal));
    }

    [Fact]
    public void UpdateIsPublicAndMovesTheResponseClocks()
    {
        var ticket = _desk.Receive();
        var first = _desk.Next();
        ticket.PostUpdate(_desk.Owner, first, "We are on it");
        var second = _desk.Next();

        ticket.PostUpdate(_desk.Owner, second, "Driver reinstalled, testing now");

        Assert.Equal(first, ticket.FirstRespondedAt);
        Assert.Equal(second, ticket.LastPublicUpdateAt);
        var line = ticket.History[^1];
        Assert.Equal("update", line.Action);
        Assert.True(line.IsPublic);
        Assert.Null(line.Method);
        Assert.Equal("Driver reinstalled, testing now", line.Note);
    }

    [Fact]
    public void AttachmentIsRecordedWithNameAndSize()
    {
        var ticket = _desk.In(TicketStatus.Closed);

        ticket.RecordAttachment(_desk.Owner, _desk.Next(), "spooler.log", 1024);

        var line = ticket.History[^1];
        Assert.Equal(("attachment", "spooler.log"), (line.Field, line.NewValue));
        Assert.Contains("1024", line.Note, StringComparison.Ordinal);
    }

    // ---- history and version ----

    [Fact]
    public void VersionGrowsByOneWithEachChange()
    {
        var ticket = _desk.Receive();
        var versions = new List<int> { ticket.Version };
        var steps = new List<Action>
        {
            () => ticket.Triage(_desk.Supervisor, _desk.Next(), Priority.P2, "Office blocked"),
            () => _desk.AssignToEve(ticket),
            () => ticket.Start(_desk.Owner, _desk.Next()),
            () => ticket.LogWork(_desk.Owner, _desk.Next(), "Checked spooler", WorkMethod.Remote),
            () => ticket.PostUpdate(_desk.Owner, _desk.Next(), "On it"),
            () => ticket.Pend(_desk.Owner, _desk.Next(), PendingReason.Reporter, "Which printer?"),
            () => ticket.Comment(_desk.Reporter, _desk.Next(), "Room A"),
            () => _desk.Resolve(ticket),
            () => ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: true, "OK", 5),
            () => ticket.Close(_desk.Owner, _desk.Next(), "Driver", "Reinstalled"),
        };

        foreach (var step in steps)
        {
            var at = _desk.Clock.GetUtcNow();
            step();
            versions.Add(ticket.Version);
            Assert.True(ticket.UpdatedAt > at, "each change moves UpdatedAt");
        }

        Assert.Equal(Enumerable.Range(versions[0], steps.Count + 1), versions);
    }

    [Fact]
    public void StatusHistoryIsAnUnbrokenChainFromNewToTheCurrentStatus()
    {
        var ticket = _desk.In(TicketStatus.Pending);
        ticket.Resume(_desk.Owner, _desk.Next());
        _desk.Resolve(ticket);
        ticket.Confirm(_desk.Reporter, _desk.Next(), resolved: false, "No", null);
        _desk.Resolve(ticket);
        ticket.AutoClose(_desk.Next());
        ticket.Reopen(_desk.Reporter, _desk.Next(), "Back again");

        var chain = ticket.History.Where(h => h.Field == "status").ToList();

        Assert.Equal("new", chain[0].OldValue);
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i - 1].NewValue, chain[i].OldValue);
        }

        Assert.Equal("inProgress", chain[^1].NewValue);
        Assert.Equal(
            ["assigned", "inProgress", "pending", "inProgress", "resolved", "inProgress", "resolved", "closed", "inProgress"],
            chain.Select(h => h.NewValue));
    }

    [Fact]
    public void EveryHistoryLineNamesItsActorAndTimeInOrder()
    {
        var ticket = _desk.In(TicketStatus.Closed);

        Assert.All(ticket.History, h => Assert.False(string.IsNullOrEmpty(h.ActorLogin)));
        Assert.All(ticket.History, h => Assert.False(string.IsNullOrEmpty(h.Action)));
        Assert.Equal(ticket.History.Select(h => h.At).Order(), ticket.History.Select(h => h.At));
    }

    [Fact]
    public void AdminConfirmationIsRecordedAsOnBehalfOfTheReporter()
    {
        // An admin ranks above a supervisor, so may act for the reporter, and it must show.
        var admin = new Actor(99, "root", "Admin", Role.Admin, new HashSet<int>());
        var ticket = _desk.In(TicketStatus.Resolved);

        ticket.Confirm(admin, _desk.Next(), resolved: true, null, null);

        Assert.True(Assert.Single(ticket.History, h => h.Field == "confirmation").OnBehalfOfReporter);
    }
}
