using System.Net;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Notifications;

/// <summary>Real SMTP conversations with an SMTP server started in the test on 127.0.0.1.</summary>
public sealed class EmailDeliveryTests
{
    private static async Task<string> ReportOnErpAsync(Desk desk, string priority = "P2") =>
        await desk.ReportAsync(change: b =>
        {
            b["module"] = "ERP V5";
            b["priority"] = priority;
            b["title"] = "Invoices do not print";
        });

    [Fact]
    public async Task AP2OnARoundRobinTeamMailsTheReporterTwiceTheOwnerOnceAndRecordsEveryDelivery()
    {
        await using var inbox = MailInbox.Start();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(inbox.Port));
        await desk.RoundRobinTeamAsync();

        var number = await ReportOnErpAsync(desk);
        await desk.App.DeliverAsync();
        var mails = await inbox.WaitForAsync(3);

        var toAlice = mails.Where(m => m.EnvelopeTo.SequenceEqual(["alice@example.com"])).ToList();
        Assert.Equal([$"[#{number}] Received: Invoices do not print", $"[#{number}] Owner assigned: Invoices do not print"],
            toAlice.Select(m => m.Subject).Order(StringComparer.Ordinal).Reverse());
        var ownerMail = toAlice.Single(m => m.Subject.Contains("Owner assigned", StringComparison.Ordinal));
        Assert.Contains("owner: 李工; first feedback expected within 4 hours", ownerMail.Body, StringComparison.Ordinal);
        Assert.Contains($"https://desk.example.com/tickets/{number}", ownerMail.Body, StringComparison.Ordinal);
        Assert.Equal("desk@example.com", ownerMail.Message.From.Mailboxes.Single().Address);
        Assert.Equal("en", ownerMail.Message.Body!.Headers["Content-Language"]);
        var toOwner = Assert.Single(mails, m => m.EnvelopeTo.SequenceEqual(["li@example.com"]));
        Assert.Equal($"[#{number}] Assigned to you: Invoices do not print", toOwner.Subject);

        var deliveries = await desk.Supervisor.DeliveriesAsync(number);
        Assert.All(deliveries, d => Assert.Equal("sent", d!["status"]!.GetValue<string>()));
        Assert.Equal(mails.Select(m => m.Message.MessageId).Order(StringComparer.Ordinal),
            deliveries.Where(d => d!["channel"]!.GetValue<string>() == "email").Select(d => d!["messageId"]!.GetValue<string>())
                .Order(StringComparer.Ordinal));
        var history = await (await desk.Supervisor.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        var sentLines = history.Where(e => e!["action"]!.GetValue<string>() == "notify").ToList();
        Assert.Equal(deliveries.Count, sentLines.Count);
        Assert.Contains(sentLines, l => l!["note"]!.GetValue<string>() == $"email to {Desk.AliceName} <alice@example.com>: assigned");
        Assert.All(sentLines, l => Assert.False(l!["public"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task AReporterWhoChoseChineseGetsChineseMail()
    {
        await using var inbox = MailInbox.Start();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(inbox.Port));
        (await desk.Admin.PutAsJsonAsync("/api/users/alice", new { language = "zh-CN" })).EnsureSuccessStatusCode();

        var number = await desk.ReportAsync(change: b => b["priority"] = "P3");
        await desk.App.DeliverAsync();
        var mail = Assert.Single(await inbox.WaitForAsync(1));

        Assert.Equal($"[#{number}] 已受理:{Desk.ReportTitle}", mail.Subject);
        Assert.Contains($"已受理,单号 {number}", mail.Body, StringComparison.Ordinal);
        Assert.Equal("zh-CN", mail.Message.Body!.Headers["Content-Language"]);
        Assert.Equal(["alice@example.com"], mail.EnvelopeTo);
    }

    [Fact]
    public async Task AFailedDeliveryRetriesWithGrowingBackoffAndSucceedsOnceTheServerIsBack()
    {
        var port = MailInbox.FreePort(); // nothing listens yet
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(port));
        var number = await desk.ReportAsync(change: b => b["priority"] = "P3");

        Assert.Equal(1, await desk.App.DeliverAsync());
        var first = Assert.Single(await desk.Supervisor.DeliveriesAsync(number))!;
        Assert.Equal(("pending", 1), (first["status"]!.GetValue<string>(), first["attempts"]!.GetValue<int>()));
        Assert.Contains("refused", first["lastError"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(desk.App.Clock.GetUtcNow().AddMinutes(1), first["nextAttemptAt"]!.GetValue<DateTimeOffset>());

        Assert.Equal(0, await desk.App.DeliverAsync()); // not due again yet
        desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await desk.App.DeliverAsync());
        var second = Assert.Single(await desk.Supervisor.DeliveriesAsync(number))!;
        Assert.Equal(2, second["attempts"]!.GetValue<int>());
        Assert.Equal(desk.App.Clock.GetUtcNow().AddMinutes(2), second["nextAttemptAt"]!.GetValue<DateTimeOffset>());

        await using var inbox = MailInbox.Start(port: port);
        desk.App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await desk.App.DeliverAsync());

        var mail = Assert.Single(await inbox.WaitForAsync(1));
        Assert.Equal($"[#{number}] Received: {Desk.ReportTitle}", mail.Subject);
        var sent = Assert.Single(await desk.Supervisor.DeliveriesAsync(number))!;
        Assert.Equal(("sent", 3), (sent["status"]!.GetValue<string>(), sent["attempts"]!.GetValue<int>()));
        Assert.Equal(mail.Message.MessageId, sent["messageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnreachableSmtpHostFailsVisiblyToAdminsAndARetryDeliversIt()
    {
        var port = MailInbox.FreePort();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(port, maxAttempts: 2));
        var number = await desk.ReportAsync(change: b => b["priority"] = "P3");
        await desk.App.DeliverAsync();
        desk.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await desk.App.DeliverAsync();

        var failed = Assert.Single(await (await desk.Admin.GetAsync("/api/notifications?status=failed")).JsonArray())!;
        Assert.Equal((number, "email", "alice@example.com", 2), (failed["ticket"]!.GetValue<string>(),
            failed["channel"]!.GetValue<string>(), failed["recipient"]!.GetValue<string>(), failed["attempts"]!.GetValue<int>()));
        Assert.False(string.IsNullOrEmpty(failed["lastError"]!.GetValue<string>()));
        var history = await (await desk.Supervisor.GetAsync($"/api/tickets/{number}/history")).JsonArray();
        Assert.Contains(history, e => e!["action"]!.GetValue<string>() == "notify" && e["newValue"]!.GetValue<string>() == "failed");
        Assert.Equal(0, await desk.App.DeliverAsync()); // failed messages are left alone until an admin retries
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Supervisor.GetAsync("/api/notifications")).StatusCode);

        await using var inbox = MailInbox.Start(port: port);
        var retried = await (await desk.Admin.PostAsync($"/api/notifications/{failed["id"]}/retry", null)).Json(HttpStatusCode.OK);
        Assert.Equal("pending", retried["status"]!.GetValue<string>());
        await desk.App.DeliverAsync();

        Assert.Single(await inbox.WaitForAsync(1));
        Assert.Empty(await (await desk.Admin.GetAsync("/api/notifications?status=failed")).JsonArray());
        await (await desk.Admin.PostAsync($"/api/notifications/{failed["id"]}/retry", null)).Json(HttpStatusCode.Conflict);
        await (await desk.Admin.GetAsync("/api/notifications?status=lost")).FieldError("status");
    }

    [Fact]
    public async Task AnAdminsTemplateWordsTheNextMailAndTheNumberTagStays()
    {
        await using var inbox = MailInbox.Start();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(inbox.Port));
        var builtIn = await (await desk.Admin.GetAsync("/api/notifications/templates/received/en")).Json(HttpStatusCode.OK);
        Assert.False(builtIn["customized"]!.GetValue<bool>());

        var put = await (await desk.Admin.PutAsJsonAsync("/api/notifications/templates/received/en",
            new { subject = "We have it: {title}", body = "Hello {recipient}, your number is {number}." })).Json(HttpStatusCode.OK);
        Assert.True(put["customized"]!.GetValue<bool>());
        var number = await desk.ReportAsync(change: b => b["priority"] = "P3");
        await desk.App.DeliverAsync();

        var mail = Assert.Single(await inbox.WaitForAsync(1));
        Assert.Equal($"[#{number}] We have it: {Desk.ReportTitle}", mail.Subject);
        Assert.Equal($"Hello {Desk.AliceName}, your number is {number}.", mail.Body.TrimEnd());

        await (await desk.Admin.PutAsJsonAsync("/api/notifications/templates/received/en",
            new { subject = "x", body = "{numbr}" })).FieldError("body");
        await (await desk.Admin.PutAsJsonAsync("/api/notifications/templates/gossip/en", new { subject = "x", body = "y" })).FieldError("event");
        await (await desk.Admin.PutAsJsonAsync("/api/notifications/templates/received/fr", new { subject = "x", body = "y" })).FieldError("language");
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Alice.GetAsync("/api/notifications/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync("/api/notifications/templates/received/en")).StatusCode);
        var reset = await (await desk.Admin.GetAsync("/api/notifications/templates/received/en")).Json(HttpStatusCode.OK);
        Assert.Equal(builtIn["subject"]!.GetValue<string>(), reset["subject"]!.GetValue<string>());
        var all = await (await desk.Admin.GetAsync("/api/notifications/templates")).JsonArray();
        Assert.Equal(32, all.Count); // 16 events x 2 languages
    }
}
