using System.Diagnostics;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Intake;

/// <summary>The running server watches its mailboxes by itself: new mail becomes a ticket within moments (IMAP IDLE).</summary>
public sealed class MailWatchTests(Dovecot dovecot) : IClassFixture<Dovecot>
{
    [Fact]
    public async Task MailArrivingWhileTheServerWaitsWithIdleBecomesATicketAtOnce()
    {
        await using var mail = await MailDesk.OpenAsync(dovecot, watch: true);
        // The watcher logs in by itself; with the test's clock standing still, only IDLE can wake it afterwards.
        await WaitForAsync(async () => (await dovecot.LogAsync()).Contains($"Login: user=<{mail.User}>", StringComparison.Ordinal));
        await Task.Delay(1000);

        await mail.DeliverAsync(Mails.Plain("alice@example.com", "Arrived during IDLE", "Woken up by the server."));

        await WaitForAsync(async () => (await mail.TicketsAsync()).Count == 1);
        Assert.Equal("Arrived during IDLE", (await mail.TicketsAsync())[0]!["title"]!.GetValue<string>());
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "Timed out waiting for the mailbox watcher.");
            await Task.Delay(100);
        }
    }
}
