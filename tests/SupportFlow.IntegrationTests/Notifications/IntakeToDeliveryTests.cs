using System.Net;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Notifications;

/// <summary>Issue 4's "done when", in one piece: intake routes and assigns, the outbox delivers over real SMTP and a real webhook.</summary>
public sealed class IntakeToDeliveryTests
{
    [Fact]
    public async Task AP2OnARoundRobinTeamWithAChatGroupIsAssignedAtIntakeAndEveryMessageArrivesAndShowsAsSent()
    {
        await using var inbox = MailInbox.Start();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(inbox.Port));
        await desk.RoundRobinTeamAsync(chat: new { kind = "generic", url = receiver.Url("/desk"), secret = "s3cret-for-the-desk" });

        var number = await desk.ReportAsync(change: b =>
        {
            b["module"] = "ERP V5";
            b["priority"] = "P2";
            b["title"] = "Invoices do not print";
        });

        // Assigned at intake, by the team's round robin.
        var ticket = await (await desk.Supervisor.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);
        Assert.Equal(("Desk", "li", "assigned"), (ticket["team"]!.GetValue<string>(), ticket["assignee"]!["login"]!.GetValue<string>(),
            ticket["status"]!.GetValue<string>()));
        var queued = await desk.Supervisor.DeliveriesAsync(number);
        Assert.All(queued, d => Assert.Equal("pending", d!["status"]!.GetValue<string>()));

        await desk.App.DeliverAsync();

        // The reporter: "received", then "owner / expected feedback", over SMTP.
        var mails = await inbox.WaitForAsync(3);
        var toAlice = mails.Where(m => m.EnvelopeTo.SequenceEqual(["alice@example.com"])).ToList();
        Assert.Equal([$"[#{number}] Owner assigned: Invoices do not print", $"[#{number}] Received: Invoices do not print"],
            toAlice.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Contains($"as ticket {number}", toAlice.Single(m => m.Subject.Contains("Received", StringComparison.Ordinal)).Body,
            StringComparison.Ordinal);
        Assert.Contains("owner: 李工; first feedback expected within 4 hours",
            toAlice.Single(m => m.Subject.Contains("Owner assigned", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        Assert.Contains(mails, m => m.EnvelopeTo.SequenceEqual(["li@example.com"]) && m.Subject.StartsWith($"[#{number}] Assigned to you", StringComparison.Ordinal));

        // The team chat: "new ticket for the team", signed.
        var hooks = receiver.Received.Select(h => (Hook: h, Body: JsonNode.Parse(h.Body)!)).ToList();
        var news = Assert.Single(hooks, h => h.Body["event"]!.GetValue<string>() == "newTicket");
        Assert.Equal(("/desk", number), (news.Hook.Path, news.Body["ticket"]!.GetValue<string>()));
        Assert.Contains("for team Desk", news.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("sha256=", news.Hook.Headers["X-SupportFlow-Signature-256"], StringComparison.Ordinal);

        // Every delivery of the ticket is recorded as sent, and each is one message that arrived.
        var deliveries = await desk.Supervisor.DeliveriesAsync(number);
        Assert.Contains(deliveries, d => d!["event"]!.GetValue<string>() == "received" && d["channel"]!.GetValue<string>() == "email");
        Assert.Contains(deliveries, d => d!["event"]!.GetValue<string>() == "assigned" && d["channel"]!.GetValue<string>() == "email");
        Assert.Contains(deliveries, d => d!["event"]!.GetValue<string>() == "newTicket" && d["channel"]!.GetValue<string>() == "chat");
        Assert.All(deliveries, d => Assert.Equal(("sent", 1), (d!["status"]!.GetValue<string>(), d["attempts"]!.GetValue<int>())));
        Assert.Equal(
            mails.Select(m => m.Message.MessageId).Concat(hooks.Select(h => h.Hook.Headers["X-SupportFlow-Message-Id"]))
                .Order(StringComparer.Ordinal),
            deliveries.Select(d => d!["messageId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }
}
