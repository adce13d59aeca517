using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Jobs;

namespace SupportFlow.IntegrationTests.Intake;

/// <summary>Replies join their ticket; machine-written mail never opens one nor gets an answer.</summary>
public sealed class MailThreadingTests(Dovecot dovecot) : IClassFixture<Dovecot>, IAsyncLifetime
{
    private MailDesk _mail = null!;

    public async Task InitializeAsync() => _mail = await MailDesk.OpenAsync(dovecot);

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    private async Task<string> MailedTicketAsync(string messageId = "first@example.com")
    {
        await _mail.DeliverAsync(Mails.Plain("Alice <alice@example.com>", "Sales module: export hangs", "Export to Excel never ends.",
            messageId));
        await _mail.ReadAsync();
        return Assert.Single(await _mail.TicketsAsync())!["number"]!.GetValue<string>();
    }

    [Fact]
    public async Task AReplyCarryingTheTicketTagIsAReporterCommentWithoutTheQuotedMail()
    {
        var number = await MailedTicketAsync();
        await _mail.DeliverAsync(Mails.Plain("Alice <alice@example.com>", $"RE: [#{number}] Sales module: export hangs",
            "It also happens with CSV.\n\nOn Wed, 20 May 2026 Support wrote:\n> We are looking into it.\n> Regards"));

        Assert.Equal(1, await _mail.ReadAsync());

        Assert.Single(await _mail.TicketsAsync());
        var comment = (await _mail.HistoryAsync(number)).Last(h => h!["action"]!.GetValue<string>() == "comment")!;
        Assert.Equal("It also happens with CSV.", comment["note"]!.GetValue<string>());
        Assert.Equal("alice", comment["actor"]!["login"]!.GetValue<string>());
        var record = Assert.Single(await _mail.InboundAsync("comment"))!;
        Assert.Equal(number, record["ticket"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReplyFoundByItsReferencesJoinsTheTicketEvenWithoutTheTag()
    {
        var number = await MailedTicketAsync("original-42@example.com");
        await _mail.DeliverAsync(Mails.Plain("Carol <carol@customer.example>", "Re: export hangs", "Same for me on the 2nd floor.",
            extraHeaders: "In-Reply-To: <original-42@example.com>\nReferences: <original-42@example.com>\n"));

        await _mail.ReadAsync();

        Assert.Single(await _mail.TicketsAsync());
        var comment = (await _mail.HistoryAsync(number)).Last(h => h!["action"]!.GetValue<string>() == "comment")!;
        Assert.Equal("Same for me on the 2nd floor.", comment["note"]!.GetValue<string>());
        Assert.Equal("carol@customer.example", comment["actor"]!["login"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReplyToAResolvedTicketSayingItIsNotSolvedIsShownToTheOwnerAndNothingClosesIt()
    {
        var number = await MailedTicketAsync();
        (await _mail.Desk.Supervisor.Act(number, "assign", new { assignee = "eng1" })).EnsureSuccessStatusCode();
        (await _mail.Desk.Engineer.Act(number, "resolve", new { solution = "Cleared the export queue" })).EnsureSuccessStatusCode();

        await _mail.DeliverAsync(Mails.Plain("alice@example.com", $"Re: [#{number}] resolved", "No, it is not solved: still hangs."));
        await _mail.ReadAsync();

        var ticket = await _mail.TicketAsync(number);
        Assert.Equal("resolved", ticket["status"]!.GetValue<string>());
        Assert.NotNull(ticket["reporterRepliedAt"]);
        var history = await (await _mail.Desk.Engineer.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        Assert.Contains(history, h => h!["note"]?.GetValue<string>() == "No, it is not solved: still hangs.");

        // Days later the unanswered-resolution sweep leaves it for the owner to decide.
        _mail.Desk.App.Clock.Advance(TimeSpan.FromDays(10));
        await _mail.Desk.App.Services.GetRequiredService<AutoCloseJob>().SweepAsync(CancellationToken.None);
        Assert.Equal("resolved", (await _mail.TicketAsync(number))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReplyToAClosedTicketOpensAFollowUpTicket()
    {
        var number = await MailedTicketAsync();
        (await _mail.Desk.Supervisor.Act(number, "cancel", new { reason = "Duplicate" })).EnsureSuccessStatusCode();

        await _mail.DeliverAsync(Mails.Plain("alice@example.com", $"Re: [#{number}] Sales module: export hangs", "It is back."));
        await _mail.ReadAsync();

        var tickets = await _mail.TicketsAsync();
        Assert.Equal(2, tickets.Count);
        var followUp = tickets.Single(t => t!["number"]!.GetValue<string>() != number)!;
        Assert.Equal("Sales module: export hangs", followUp["title"]!.GetValue<string>());
        Assert.StartsWith($"Follow-up to ticket {number} (cancelled).", followUp["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoRepliesBouncesAndBulkMailNeverOpenTicketsNorGetAnswers()
    {
        var number = await MailedTicketAsync();
        await _mail.DeliverAsync(Mails.Plain("alice@example.com", $"Automatic reply: [#{number}] received", "I am out of office.",
            extraHeaders: "Auto-Submitted: auto-replied\n"));
        await _mail.DeliverAsync(Mails.Plain("news@vendor.example", "Our spring offers", "Buy now.", extraHeaders: "Precedence: bulk\n"));
        await _mail.DeliverAsync("""
            From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>
            To: support@desk.example
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-1@mx.customer.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="r"

            --r
            Content-Type: text/plain

            Your message could not be delivered.
            --r
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.customer.example
            Final-Recipient: rfc822; nobody@customer.example
            Action: failed
            Status: 5.1.1
            --r--
            """, envelopeFrom: "");
        await _mail.DeliverAsync(Mails.Plain("Desk <support@desk.example>", "[#20260520-999] Your ticket was received", "Ours."));

        Assert.Equal(4, await _mail.ReadAsync());

        Assert.Single(await _mail.TicketsAsync());
        Assert.DoesNotContain(await _mail.HistoryAsync(number), h => h!["action"]!.GetValue<string>() == "comment");
        var ignored = await _mail.InboundAsync("ignored");
        Assert.Equal(4, ignored.Count);
        Assert.Contains(ignored, m => m!["note"]!.GetValue<string>().Contains("Auto-Submitted: auto-replied", StringComparison.Ordinal));
        Assert.Contains(ignored, m => m!["note"]!.GetValue<string>().Contains("Precedence: bulk", StringComparison.Ordinal));
        Assert.Contains(ignored, m => m!["note"]!.GetValue<string>().Contains("multipart/report", StringComparison.Ordinal));
        Assert.Contains(ignored, m => m!["note"]!.GetValue<string>().Contains("own address", StringComparison.Ordinal));
        Assert.Equal(0, await _mail.UnseenCountAsync());
    }
}
