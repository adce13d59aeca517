using SupportFlow.Common;
using SupportFlow.Notifications;

namespace SupportFlow.Tests.Notifications;

public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 2, 0, 0, TimeSpan.Zero);

    private static readonly DeliveryPolicy Policy = new(4, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(2));

    private static OutboxMessage Message() =>
        new(null, "received", NotificationChannel.Email, "alice@example.com", "Alice", "en", "[#20260520-001] Received", "Body", Now);

    [Fact]
    public void BackoffDoublesFromTheFirstRetryUpToTheCap()
    {
        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)],
            Enumerable.Range(1, 5).Select(Policy.Backoff).ToArray());
    }

    [Fact]
    public void EachFailureWaitsLongerThenTheLastOneMarksItFailed()
    {
        var message = Message();
        var at = Now;
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt < Policy.MaxAttempts; attempt++)
        {
            message.MarkFailed(at, "connection refused", Policy);
            Assert.Equal(OutboxStatus.Pending, message.Status);
            waits.Add(message.NextAttemptAt - at);
            at = message.NextAttemptAt;
        }

        message.MarkFailed(at, "connection refused", Policy);

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)], waits);
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(4, message.Attempts);
        Assert.Equal("connection refused", message.LastError);
    }

    [Fact]
    public void ASuccessAfterAFailureIsSentAndForgetsTheError()
    {
        var message = Message();
        message.MarkFailed(Now, "timeout", Policy);

        message.MarkSent(Now.AddMinutes(1));

        Assert.Equal((OutboxStatus.Sent, 2, (string?)null, (DateTimeOffset?)Now.AddMinutes(1)),
            (message.Status, message.Attempts, message.LastError, message.SentAt));
    }

    [Fact]
    public void AnAdminRetryGivesAFailedMessageAFreshSetOfAttempts()
    {
        var message = Message();
        for (var i = 0; i < Policy.MaxAttempts; i++)
        {
            message.MarkFailed(Now, "refused", Policy);
        }

        message.Retry(Now.AddHours(1));

        Assert.Equal((OutboxStatus.Pending, 0, Now.AddHours(1)), (message.Status, message.Attempts, message.NextAttemptAt));
    }

    [Fact]
    public void OnlyAFailedMessageCanBeRetried()
    {
        Assert.Throws<DomainException>(() => Message().Retry(Now));
    }

    [Fact]
    public void TheMessageIdIsFixedWhenTheRowIsWrittenAndUniquePerRow()
    {
        var message = Message();
        var id = message.MessageId;
        message.MarkFailed(Now, "refused", Policy);
        message.MarkSent(Now);

        Assert.Equal(id, message.MessageId);
        Assert.NotEqual(id, Message().MessageId);
    }
}
