using SupportFlow.Common;
using SupportFlow.Reviews;
using SupportFlow.Tests.Tickets;
using SupportFlow.Tickets;

namespace SupportFlow.Tests.Reviews;

public sealed class ReviewRulesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly Desk _desk = new();

    private Review RequestedReview() =>
        Review.Open(ReviewTrigger.Requested, "Captcha errors", "Keeps coming back", [_desk.Receive()], _desk.Supervisor, _desk.Next());

    private PreventiveAction AddAction(Review review, string due = "2026-06-30")
    {
        var date = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        var action = review.AddAction("Add a how-to video", _desk.Eve, date, PreventiveAction.EndOfDay(date, Shanghai), _desk.Next());
        return action.WithId(review.Actions.Count);
    }

    [Theory]
    [InlineData(Priority.P1, true)]
    [InlineData(Priority.P2, true)]
    [InlineData(Priority.P3, false)]
    [InlineData(Priority.P4, false)]
    public void OnlyClosingAP1OrP2TicketOpensAReview(Priority priority, bool opens)
    {
        var ticket = _desk.Receive();
        ticket.Triage(_desk.Supervisor, _desk.Next(), priority, "graded", null);
        _desk.AssignToEve(ticket);
        ticket.Start(_desk.Owner, _desk.Next());
        _desk.Resolve(ticket);
        Assert.False(Review.IsOpenedByClosing(ticket));

        ticket.Close(_desk.Supervisor, _desk.Next(), "Driver corrupted", "Reinstalled the driver");

        Assert.Equal(opens, Review.IsOpenedByClosing(ticket));
    }

    [Fact]
    public void AReviewStaysOpenUntilItHasACauseAndEveryActionIsDoneOrAccepted()
    {
        var review = RequestedReview();
        var video = AddAction(review);
        var training = AddAction(review);
        Assert.Equal(["rootCause", "action 1", "action 2"], review.Outstanding());

        review.CompleteAction(video.Id, _desk.Owner, _desk.Next(), "Published");
        review.AcceptAction(training.Id, _desk.Supervisor, _desk.Next(), "Training moved to next quarter's plan");
        Assert.Equal(ReviewStatus.Open, review.Status);

        review.RecordCause("Captcha clock drift", new CauseCategory("thirdParty", "Third party", "第三方"), _desk.Next());

        Assert.Equal(ReviewStatus.Done, review.Status);
        Assert.Empty(review.Outstanding());
        Assert.Throws<DomainException>(() => AddAction(review));
    }

    [Fact]
    public void AReviewWithoutActionsIsNotDone()
    {
        var review = RequestedReview();
        review.RecordCause("Operator error", new CauseCategory("userOperation", "User operation", "用户操作"), _desk.Next());

        Assert.Equal(ReviewStatus.Open, review.Status);
        Assert.Equal(["actions"], review.Outstanding());
    }

    [Fact]
    public void AnotherEngineerMayNotFinishTheOwnersActionAndAcceptingNeedsASupervisorAndAReason()
    {
        var review = RequestedReview();
        var action = AddAction(review);

        Assert.Throws<ForbiddenException>(() => review.CompleteAction(action.Id, _desk.Erin.ToActor(), _desk.Next(), null));
        Assert.Throws<ForbiddenException>(() => review.AcceptAction(action.Id, _desk.Owner, _desk.Next(), "fine"));
        Assert.Throws<DomainException>(() => review.AcceptAction(action.Id, _desk.Supervisor, _desk.Next(), " "));
        Assert.Equal(ActionStatus.Open, action.Status);
    }

    [Fact]
    public void AReporterCannotOwnAnAction()
    {
        var review = RequestedReview();
        var date = new DateOnly(2026, 6, 30);

        Assert.Throws<DomainException>(() =>
            review.AddAction("Read the manual", _desk.Alice, date, PreventiveAction.EndOfDay(date, Shanghai), _desk.Next()));
    }

    [Fact]
    public void AnActionIsOverdueFromTheEndOfItsDueDateInTheOrganisationsZone()
    {
        var action = AddAction(RequestedReview(), "2026-05-22");

        Assert.Equal(new DateTimeOffset(2026, 5, 22, 16, 0, 0, TimeSpan.Zero), action.DueAt);
        Assert.False(action.IsOverdue(action.DueAt.AddTicks(-1)));
        Assert.True(action.IsOverdue(action.DueAt));
    }

    [Fact]
    public void RemindersAreOwedOnceEachAndOverdueSupersedesDueSoon()
    {
        var action = AddAction(RequestedReview(), "2026-05-22");
        var early = action.DueAt.AddDays(-2);

        Assert.Equal([ReminderKind.Assigned], ActionReminders.Owed(action, early, []));
        Assert.Empty(ActionReminders.Owed(action, early, [ReminderKind.Assigned]));
        Assert.Equal([ReminderKind.DueSoon], ActionReminders.Owed(action, action.DueAt.AddHours(-1), [ReminderKind.Assigned]));
        Assert.Equal([ReminderKind.Overdue],
            ActionReminders.Owed(action, action.DueAt, [ReminderKind.Assigned]));
        Assert.Empty(ActionReminders.Owed(action, action.DueAt.AddDays(5),
            [ReminderKind.Assigned, ReminderKind.DueSoon, ReminderKind.Overdue]));
    }
}
