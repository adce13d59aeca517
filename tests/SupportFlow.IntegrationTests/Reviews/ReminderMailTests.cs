using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Notifications;
using SupportFlow.IntegrationTests.Tickets;
using SupportFlow.Server.Jobs;

namespace SupportFlow.IntegrationTests.Reviews;

/// <summary>Preventive-action reminders reach their owners by real SMTP, through the outbox, once each.</summary>
public sealed class ReminderMailTests
{
    private static Task<int> SweepAsync(SupportFlowApp app) =>
        app.Services.GetRequiredService<ReviewReminderJob>().SweepAsync(CancellationToken.None);

    private static List<string> SubjectsTo(IEnumerable<ReceivedMail> mails, string address) =>
        [.. mails.Where(m => m.EnvelopeTo.SequenceEqual([address])).Select(m => m.Subject)];

    [Fact]
    public async Task EachReminderIsMailedOnceToItsOwnerInTheirLanguageAlsoWithTwoNodesSweeping()
    {
        await using var inbox = MailInbox.Start();
        var settings = NotificationKit.WithSmtp(inbox.Port);
        await using var desk = await Desk.OpenAsync(settings);
        (await desk.Admin.PutAsJsonAsync("/api/users/eng1", new { email = "eng1@example.com", language = "zh-CN" })).EnsureSuccessStatusCode();
        (await desk.Admin.PutAsJsonAsync("/api/users/eng2", new { email = "eng2@example.com", language = "en" })).EnsureSuccessStatusCode();

        // Wednesday 2026-05-20 14:30 in Shanghai; both actions are due Friday 2026-05-22.
        var id = await desk.RequestedReviewAsync();
        await desk.AddActionAsync(id, "eng1", "2026-05-22", "打印机驱动统一升级到 3.1");
        await desk.AddActionAsync(id, "eng2", "2026-05-22", "Replace the worn paper rollers");
        await desk.App.DeliverAsync();
        var mails = await inbox.WaitForAsync(3); // Alice's "received" and the two assignments
        var zh = Assert.Single(SubjectsTo(mails, "eng1@example.com"));
        Assert.Equal($"[复盘 #{id}] 预防措施已指派给您,2026-05-22 到期", zh);
        Assert.Equal([$"[Review #{id}] Preventive action assigned to you, due 2026-05-22"], SubjectsTo(mails, "eng2@example.com"));
        var assigned = mails.Single(m => m.EnvelopeTo.SequenceEqual(["eng1@example.com"]));
        Assert.Contains("打印机驱动统一升级到 3.1", assigned.Body, StringComparison.Ordinal);
        Assert.Contains($"https://desk.example.com/reviews/{id}", assigned.Body, StringComparison.Ordinal);
        Assert.Equal("zh-CN", assigned.Message.Body!.Headers["Content-Language"]);

        // A second node on the same database sweeps at the same moment as this one, twice each.
        await using var second = new SupportFlowApp(desk.App.DataDirectory, desk.App.Clock);
        foreach (var (key, value) in settings.Settings)
        {
            second.Settings[key] = value;
        }

        _ = second.Services;
        desk.App.Clock.Advance(TimeSpan.FromHours(34)); // Friday 00:30: within a day of the end of the due date
        await Task.WhenAll(SweepAsync(desk.App), SweepAsync(second), SweepAsync(desk.App), SweepAsync(second));
        desk.App.Clock.Advance(TimeSpan.FromHours(23.5)); // Saturday 00:00: overdue
        await Task.WhenAll(SweepAsync(desk.App), SweepAsync(second));
        await Task.WhenAll(SweepAsync(desk.App), SweepAsync(second));
        while (await desk.App.DeliverAsync() > 0)
        {
        }

        mails = await inbox.WaitForAsync(7);
        await Task.Delay(300); // nothing more may arrive
        mails = [.. inbox.Received];
        Assert.Equal(
            [$"[复盘 #{id}] 预防措施已指派给您,2026-05-22 到期", $"[复盘 #{id}] 预防措施明天到期(2026-05-22)", $"[复盘 #{id}] 预防措施已逾期(截止 2026-05-22)"],
            SubjectsTo(mails, "eng1@example.com"));
        Assert.Equal(
            [$"[Review #{id}] Preventive action assigned to you, due 2026-05-22", $"[Review #{id}] Preventive action due tomorrow (2026-05-22)",
             $"[Review #{id}] Preventive action overdue (due 2026-05-22)"],
            SubjectsTo(mails, "eng2@example.com"));

        var reminders = await (await desk.Engineer.GetAsync("/api/reviews/reminders")).JsonArray();
        Assert.Equal(["assigned", "dueSoon", "overdue"], reminders.Select(r => r.Str("kind")));
        Assert.All(reminders, r => Assert.Equal("sent", r.Str("mail")));
        Assert.All(reminders, r => Assert.NotNull(r!["deliveredAt"]));
    }

    [Fact]
    public async Task AnOwnerWithoutAnAddressKeepsTheReminderOnTheirListAndNothingIsQueued()
    {
        await using var inbox = MailInbox.Start();
        await using var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(inbox.Port));
        var id = await desk.RequestedReviewAsync();
        await desk.AddActionAsync(id, "eng1", "2026-06-30");

        var reminder = Assert.Single(await (await desk.Engineer.GetAsync("/api/reviews/reminders")).JsonArray());
        Assert.Null(reminder!["mail"]);
        var outbox = await (await desk.Admin.GetAsync("/api/notifications")).JsonArray();
        Assert.NotEmpty(outbox); // Alice's "received"
        Assert.DoesNotContain(outbox, m => m.Str("event").StartsWith("action", StringComparison.Ordinal));
    }
}
