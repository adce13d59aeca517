using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Notifications;

namespace SupportFlow.IntegrationTests.Security;

/// <summary>
/// A team's chat webhook on an internal address is not called (issue 20, item 16, SSRF): with
/// SupportFlow:Outbound:AllowPrivateAddresses at its default (false) the delivery fails at once,
/// with the reason in the outbox, and nothing reaches the address.
/// </summary>
public sealed class OutboundAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")] // a name is resolved first, then refused for the address it resolves to
    public async Task AWebhookOnALoopbackAddressIsRefusedAndRecordedAsFailed(string host)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var app = NotificationKit.WithSmtp(MailInbox.FreePort());
        app.Settings.Remove("SupportFlow:Outbound:AllowPrivateAddresses");
        await using var desk = await Desk.OpenAsync(app);
        var url = $"http://{host}:{receiver.Address.Port}/wecom?key=内部 100%";
        await desk.RoundRobinTeamAsync(chat: new { kind = "wecom", url });
        var number = await desk.ReportAsync(change: b =>
        {
            b["module"] = "ERP V5";
            b["priority"] = "P3";
        });

        await desk.App.DeliverAsync();
        desk.App.Clock.Advance(TimeSpan.FromHours(2));
        await desk.App.DeliverAsync(); // nothing is left to retry

        Assert.Empty(receiver.Received);
        var chat = (await desk.Supervisor.DeliveriesAsync(number)).Single(d => d!["channel"]!.GetValue<string>() == "chat")!;
        Assert.Equal("failed", chat["status"]!.GetValue<string>());
        Assert.Equal(1, chat["attempts"]!.GetValue<int>());
        var error = chat["lastError"]!.GetValue<string>();
        Assert.Contains(host, error, StringComparison.Ordinal);
        Assert.Contains("loopback", error, StringComparison.Ordinal);
        Assert.Contains("SupportFlow:Outbound:AllowPrivateAddresses", error, StringComparison.Ordinal);
    }
}
