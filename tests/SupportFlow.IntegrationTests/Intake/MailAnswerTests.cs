using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Notifications;

namespace SupportFlow.IntegrationTests.Intake;

/// <summary>
/// Both ways by mail with a reporter who has no account: the desk's "received" mail reaches them
/// through the outbox (real SMTP), their reply to it joins the ticket by its Message-ID alone, and
/// it tells the owner.
/// </summary>
public sealed class MailAnswerTests(Dovecot dovecot) : IClassFixture<Dovecot>, IAsyncLifetime
{
    private MailInbox _smtp = null!;
    private MailDesk _mail = null!;

    public async Task InitializeAsync()
    {
        _smtp = MailInbox.Start();
        _mail = await MailDesk.OpenAsync(dovecot, NotificationKit.WithSmtp(_smtp.Port));
    }

    public async Task DisposeAsync()
    {
        await _mail.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<string> CarolReportsAsync()
    {
        await _mail.DeliverAsync(Mails.Plain("Carol <carol@customer.example>", "VPN drops every hour", "Since Monday the VPN drops."));
        await _mail.ReadAsync();
        return Assert.Single(await _mail.TicketsAsync())!["number"]!.GetValue<string>();
    }

    [Fact]
    public async Task AnExternalReporterGetsTheReceivedMailAndTheirReplyToItJoinsTheTicketWithoutTheTag()
    {
        var number = await CarolReportsAsync();
        Assert.Null((await _mail.TicketAsync(number))["reporter"]!["login"]);

        await _mail.Desk.App.DeliverAsync();
        var received = Assert.Single(await _smtp.WaitForAsync(1), m => m.EnvelopeTo.SequenceEqual(["carol@customer.example"]));
        Assert.Equal($"[#{number}] Received: VPN drops every hour", received.Subject);
        Assert.Contains(number, received.Body, StringComparison.Ordinal);

        // A mail client that drops the tag from the subject still sends In-Reply-To / References.
        var sentId = received.Message.MessageId;
        await _mail.DeliverAsync(Mails.Plain("Carol <carol@customer.example>", "Re: VPN drops every hour",
            "It dropped again at 10:00.\n\n> Your report was received.",
            extraHeaders: $"In-Reply-To: <{sentId}>\nReferences: <{sentId}>\n"));
        await _mail.ReadAsync();

        Assert.Single(await _mail.TicketsAsync());
        var comment = (await _mail.HistoryAsync(number)).Last(h => h!["action"]!.GetValue<string>() == "comment")!;
        Assert.Equal("It dropped again at 10:00.", comment["note"]!.GetValue<string>());
        Assert.Equal("carol@customer.example", comment["actor"]!["login"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExternalReportersReplyIsMailedToTheOwner()
    {
        var number = await CarolReportsAsync();
        (await _mail.Desk.Admin.PutAsJsonAsync("/api/users/eng1", new { email = "eng1@desk.example" })).EnsureSuccessStatusCode();
        (await _mail.Desk.Supervisor.Act(number, "assign", new { assignee = "eng1" })).EnsureSuccessStatusCode();
        await _mail.Desk.App.DeliverAsync();
        var before = (await _smtp.WaitForAsync(3)).Count;

        await _mail.DeliverAsync(Mails.Plain("carol@customer.example", $"Re: [#{number}] Owner assigned", "Here is the VPN log excerpt."));
        await _mail.ReadAsync();
        await _mail.Desk.App.DeliverAsync();

        var mails = await _smtp.WaitForAsync(before + 1);
        var toOwner = Assert.Single(mails, m => m.EnvelopeTo.SequenceEqual(["eng1@desk.example"]) && m.Subject.Contains("Reporter replied",
            StringComparison.Ordinal));
        Assert.Equal($"[#{number}] Reporter replied: VPN drops every hour", toOwner.Subject);
        Assert.Contains("Here is the VPN log excerpt.", toOwner.Body, StringComparison.Ordinal);
        // Carol is not told about her own reply.
        Assert.DoesNotContain(mails.Skip(before), m => m.EnvelopeTo.Contains("carol@customer.example"));
    }

    [Fact]
    public async Task AWebFormReportMailsTheCustomerTheNumber()
    {
        var visitor = _mail.Desk.App.CreateClient();
        var response = await visitor.PostAsync("/forms/report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "李雷", ["email"] = "li.lei@customer.example", ["module"] = Desk.SalesModule, ["title"] = "发票打印乱码",
            ["description"] = "打印出来的发票中文是乱码。", ["website"] = "",
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = Assert.Single(await _mail.TicketsAsync())!["number"]!.GetValue<string>();

        await _mail.Desk.App.DeliverAsync();

        var mail = Assert.Single(await _smtp.WaitForAsync(1), m => m.EnvelopeTo.SequenceEqual(["li.lei@customer.example"]));
        Assert.Equal($"[#{number}] Received: 发票打印乱码", mail.Subject);
        Assert.Contains($"https://desk.example.com/tickets/{number}", mail.Body, StringComparison.Ordinal);
    }
}
