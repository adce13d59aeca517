using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Notifications;

namespace SupportFlow.IntegrationTests.Notifications;

public static class NotificationKit
{
    /// <summary>One run of the delivery worker, on the test's clock.</summary>
    public static Task<int> DeliverAsync(this SupportFlowApp app) =>
        app.Services.GetRequiredService<OutboxDelivery>().SweepAsync(CancellationToken.None);

    /// <summary>
    /// An app whose mail goes to <paramref name="smtpPort"/> on 127.0.0.1, messages in English unless
    /// a user chose otherwise, and which may call webhooks on local addresses.
    /// </summary>
    public static SupportFlowApp WithSmtp(int smtpPort, int maxAttempts = 6)
    {
        var app = new SupportFlowApp();
        app.Settings["SupportFlow:Smtp:Host"] = "127.0.0.1";
        app.Settings["SupportFlow:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["SupportFlow:Smtp:TlsMode"] = "none";
        app.Settings["SupportFlow:Smtp:From"] = "IT Service Desk <desk@example.com>";
        app.Settings["SupportFlow:Smtp:TimeoutSeconds"] = "5";
        app.Settings["SupportFlow:Notifications:DefaultLanguage"] = "en";
        app.Settings["SupportFlow:Notifications:PublicUrl"] = "https://desk.example.com";
        app.Settings["SupportFlow:Notifications:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The tests' chat groups (WebhookReceiver) listen on 127.0.0.1, which a real desk refuses to call.
        app.Settings["SupportFlow:Outbound:AllowPrivateAddresses"] = "true";
        return app;
    }

    public static async Task<JsonArray> DeliveriesAsync(this HttpClient client, string number) =>
        await (await client.GetAsync($"/api/tickets/{number}/deliveries")).JsonArray();

    /// <summary>A team "Desk" of engineers li and wang with the given mode, responsible for module "ERP V5".</summary>
    public static async Task RoundRobinTeamAsync(this Desk desk, string mode = "roundRobin", object? chat = null)
    {
        foreach (var login in new[] { "li", "wang" })
        {
            (await desk.Admin.PostAsJsonAsync("/api/users",
                new { login, name = login == "li" ? "李工" : "王工", role = "engineer", email = $"{login}@example.com" }))
                .EnsureSuccessStatusCode();
        }

        await (await desk.Admin.PostAsJsonAsync("/api/teams", new { name = "Desk", members = new[] { "li", "wang" }, assignmentMode = mode, chat }))
            .Json(HttpStatusCode.Created);
        (await desk.Admin.PostAsJsonAsync("/api/modules", new { name = "ERP V5", category = "system", team = "Desk" })).EnsureSuccessStatusCode();
    }
}
