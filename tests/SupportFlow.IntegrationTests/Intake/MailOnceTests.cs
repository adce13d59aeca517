using System.Net;
using System.Text;
using MailKit;
using MailKit.Search;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Intake;

/// <summary>Each message is processed exactly once: across restarts, concurrent readers and copies; none is lost.</summary>
public sealed class MailOnceTests(Dovecot dovecot) : IClassFixture<Dovecot>, IAsyncLifetime
{
    private MailDesk _mail = null!;

    public async Task InitializeAsync() => _mail = await MailDesk.OpenAsync(dovecot);

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    [Fact]
    public async Task AMessageRecordedButNotYetMarkedSeenIsNotProcessedAgainAfterARestart()
    {
        await _mail.DeliverAsync(Mails.Plain("alice@example.com", "First", "One"));
        await _mail.DeliverAsync(Mails.Plain("bob@customer.example", "Second", "Two"));
        Assert.Equal(2, await _mail.ReadAsync());

        // The process dies after committing but before \Seen reached the server: both are unseen again.
        await _mail.ImapAsync(async inbox =>
        {
            await inbox.StoreAsync(await inbox.SearchAsync(SearchQuery.All), new StoreFlagsRequest(StoreAction.Remove, MessageFlags.Seen));
            return 0;
        });
        Assert.Equal(2, await _mail.UnseenCountAsync());
        var dataDirectory = _mail.Desk.App.DataDirectory;
        _mail.Desk.App.Dispose();

        using var restarted = new SupportFlowApp(dataDirectory);
        restarted.Settings["SupportFlow:MailIntake:Watch"] = "false";
        Assert.Equal(0, await _mail.ReadAsync(restarted));

        var admin = await restarted.ClientForAsync("admin");
        var page = await (await admin.GetAsync("/api/tickets")).Json(HttpStatusCode.OK);
        Assert.Equal(["First", "Second"], page["items"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()).Order().ToArray());
        Assert.Equal(2, (await (await admin.GetAsync("/api/intake/messages")).JsonArray()).Count);
        Assert.Equal(0, await _mail.UnseenCountAsync());
    }

    [Fact]
    public async Task TwoNodesReadingTheSameMailboxAtOnceMakeOneTicketPerMessage()
    {
        for (var i = 1; i <= 6; i++)
        {
            await _mail.DeliverAsync(Mails.Plain("alice@example.com", $"Problem {i}", $"Text {i}"));
        }

        // A second server node on the same database, reading the same mailbox concurrently.
        using var second = new SupportFlowApp(_mail.Desk.App.DataDirectory, _mail.Desk.App.Clock);
        second.Settings["SupportFlow:MailIntake:Watch"] = "false";
        var processed = await Task.WhenAll(_mail.ReadAsync(), _mail.ReadAsync(second));

        Assert.Equal(6, processed.Sum());
        var titles = (await _mail.TicketsAsync()).Select(t => t!["title"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"Problem {i}").ToArray(), titles);
    }

    [Fact]
    public async Task TheSameMessageDeliveredTwiceMakesOneTicket()
    {
        var message = Mails.Plain("alice@example.com", "Sent to support and helpdesk", "Once please.", "copy-7@example.com");
        await _mail.DeliverAsync(message);
        await _mail.DeliverAsync(message);

        Assert.Equal(2, await _mail.ReadAsync());

        Assert.Single(await _mail.TicketsAsync());
        var duplicate = Assert.Single(await _mail.InboundAsync("duplicate"))!;
        Assert.Contains("copy-7@example.com", duplicate["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageThatCannotBeReadIsKeptWholeAndReportedToAdmins()
    {
        var broken = "Subject: no sender here\nX-Garbage: \u0001\u0002\n\n\u00ff\u00fe binary junk\n";
        await _mail.DeliverAsync(Encoding.Latin1.GetBytes(broken));

        Assert.Equal(1, await _mail.ReadAsync());

        Assert.Empty(await _mail.TicketsAsync());
        var failed = Assert.Single(await _mail.InboundAsync("failed"))!;
        Assert.Contains("no sender", failed["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(failed["rawKept"]!.GetValue<bool>());
        var raw = await _mail.Desk.Admin.GetByteArrayAsync($"/api/intake/messages/{failed["id"]}/raw");
        Assert.EndsWith(broken, Encoding.Latin1.GetString(raw).Replace("\r\n", "\n", StringComparison.Ordinal),
            StringComparison.Ordinal); // as delivered, below the headers the server added, with its CRLF
        Assert.Equal(HttpStatusCode.Forbidden, (await _mail.Desk.Supervisor.GetAsync("/api/intake/messages?outcome=failed")).StatusCode);

        // Kept and reported once: the next pass does not report it again.
        Assert.Equal(0, await _mail.ReadAsync());
        Assert.Single(await _mail.InboundAsync("failed"));
    }
}
