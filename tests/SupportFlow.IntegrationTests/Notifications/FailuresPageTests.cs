using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Intake;
using SupportFlow.Tickets;

namespace SupportFlow.IntegrationTests.Notifications;

/// <summary>The admin page of delivery problems (/admin/failures), driven like a browser: cookie sign-in, forms with their antiforgery token.</summary>
public sealed class FailuresPageTests
{
    private const string RawMail = "Subject: no sender here\r\n\r\nwho wrote this?\r\n";

    /// <summary>A desk whose mail server is down: alice's "received" mail fails at its one attempt; and one unreadable mail kept.</summary>
    private static async Task<(Desk Desk, int SmtpPort, string Number, long Failed, long Inbound)> DeskWithFailuresAsync()
    {
        var port = MailInbox.FreePort(); // nothing listens
        var desk = await Desk.OpenAsync(NotificationKit.WithSmtp(port, maxAttempts: 1));
        var number = await desk.ReportAsync(change: b => b["priority"] = "P3");
        await desk.App.DeliverAsync();
        var failed = Assert.Single(await (await desk.Admin.GetAsync("/api/notifications?status=failed")).JsonArray())!;

        await using var scope = desk.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var module = await db.Modules.FirstAsync();
        var report = new InboundReport(Channel.Email, "support", "1/7", "", null, "no sender here", "", desk.App.Clock.GetUtcNow(),
            module, Priority.P3);
        await scope.ServiceProvider.GetRequiredService<InboundReception>()
            .KeepFailedAsync(report, "The message has no sender.", Encoding.ASCII.GetBytes(RawMail), CancellationToken.None);
        var inbound = Assert.Single(await (await desk.Admin.GetAsync("/api/intake/messages?outcome=failed")).JsonArray())!;
        return (desk, port, number, failed["id"]!.GetValue<long>(), inbound["id"]!.GetValue<long>());
    }

    /// <summary>The table row of one outbox row or inbound message, by its id.</summary>
    private static string Row(string html, string table, long id)
    {
        var start = html.IndexOf($"id=\"{table}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table #{table} on the page.");
        var match = Regex.Match(html[start..], $"<tr data-id=\"{id}\"[^>]*>.*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No row {id} in #{table}.");
        return match.Value;
    }

    private static Task<HttpResponseMessage> PostRetryAsync(HttpClient client, long id, string? token) =>
        client.PostAsync($"/admin/failures?handler=Retry&id={id}", new FormUrlEncodedContent(token is null
            ? []
            : new Dictionary<string, string> { ["__csrf"] = token }));

    [Fact]
    public async Task AnAdminSeesTheFailedDeliveryAndTheUnprocessedMailAndARetryQueuesTheMessageAgain()
    {
        var (desk, port, number, failed, inbound) = await DeskWithFailuresAsync();
        await using var _ = desk;
        await desk.App.CreateUserAsync("root", "admin");
        var admin = await desk.App.SignInAsync("root");

        var home = await admin.GetStringAsync("/admin/users");
        Assert.Contains("href=\"/admin/failures\"", home, StringComparison.Ordinal); // linked from the admin navigation
        var page = await admin.GetStringAsync("/admin/failures");
        var row = Row(page, "deliveries", failed);
        Assert.Contains("data-status=\"failed\"", row, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/tickets/{number}\">{number}</a>", row, StringComparison.Ordinal);
        Assert.Contains("alice@example.com", row, StringComparison.Ordinal);
        Assert.Contains("<td>E-mail</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>1</td>", row, StringComparison.Ordinal); // attempts
        Assert.Contains("refused", row, StringComparison.OrdinalIgnoreCase); // the last error: nothing listens
        Assert.Contains(">Retry</button>", row, StringComparison.Ordinal);
        var mail = Row(page, "inbound", inbound);
        Assert.Contains("The message has no sender.", mail, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/failures?handler=Raw&amp;id={inbound}\"", mail, StringComparison.Ordinal);

        // The raw message, as it arrived.
        var raw = await admin.GetAsync($"/admin/failures?handler=Raw&id={inbound}");
        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RawMail, await raw.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/failures?handler=Raw&id=999999")).StatusCode);

        // A POST without the form's antiforgery token changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostRetryAsync(admin, failed, token: null)).StatusCode);
        Assert.Contains("data-status=\"failed\"", Row(await admin.GetStringAsync("/admin/failures"), "deliveries", failed),
            StringComparison.Ordinal);

        var retried = await PostRetryAsync(admin, failed, WebSignIn.Token(page));
        var after = await retried.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode.OK, "/admin/failures"), (retried.StatusCode, retried.RequestMessage!.RequestUri!.AbsolutePath));
        Assert.Contains($"Notification {failed} is queued again.", after, StringComparison.Ordinal);
        var queued = Row(after, "deliveries", failed);
        Assert.Contains("data-status=\"pending\"", queued, StringComparison.Ordinal);
        Assert.Contains("<td>0</td>", queued, StringComparison.Ordinal);
        Assert.DoesNotContain(">Retry</button>", queued, StringComparison.Ordinal);
        var delivery = Assert.Single(await desk.Supervisor.DeliveriesAsync(number))!;
        Assert.Equal(("pending", 0), (delivery["status"]!.GetValue<string>(), delivery["attempts"]!.GetValue<int>()));

        // Retrying it again is refused next to the list: it is no longer failed.
        var again = await PostRetryAsync(admin, failed, WebSignIn.Token(after));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("only failed ones are retried", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The mail server is back: the worker delivers it and the page has nothing left to show.
        await using var inbox = MailInbox.Start(port: port);
        await desk.App.DeliverAsync();
        Assert.Single(await inbox.WaitForAsync(1));
        var clean = await admin.GetStringAsync("/admin/failures");
        Assert.Contains("id=\"no-deliveries\"", clean, StringComparison.Ordinal);
        Assert.Equal("sent", Assert.Single(await desk.Supervisor.DeliveriesAsync(number))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ThePageSpeaksChinese()
    {
        var (desk, _, _, failed, _) = await DeskWithFailuresAsync();
        await using var _ = desk;
        await desk.App.CreateUserAsync("root", "admin");
        var admin = await desk.App.SignInAsync("root", "zh-CN");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/failures")); // Razor writes Chinese as character references

        Assert.Contains("<h2>未送达的通知</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2>无法处理的来信</h2>", page, StringComparison.Ordinal);
        Assert.Contains(">重试</button>", Row(page, "deliveries", failed), StringComparison.Ordinal);
        Assert.Contains(">下载原始邮件</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASupervisorIsRefusedThePageTheRetryAndTheDownload()
    {
        var (desk, _, _, failed, inbound) = await DeskWithFailuresAsync();
        await using var _ = desk;
        await desk.App.CreateUserAsync("boss", "supervisor");
        var supervisor = await desk.App.SignInAsync("boss");

        var page = await supervisor.GetAsync("/admin/failures");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("alice@example.com", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/failures\"", await supervisor.GetStringAsync("/console"), StringComparison.Ordinal);
        var token = WebSignIn.Token(await supervisor.GetStringAsync("/console")); // a valid token of this user, from a page they may open
        Assert.Equal(HttpStatusCode.Forbidden, (await PostRetryAsync(supervisor, failed, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/admin/failures?handler=Raw&id={inbound}")).StatusCode);
        var failedNow = Assert.Single(await (await desk.Admin.GetAsync("/api/notifications?status=failed")).JsonArray())!;
        Assert.Equal(failed, failedNow["id"]!.GetValue<long>()); // still failed: the refused retry changed nothing

        // Signed out, the page asks to sign in.
        var anonymous = desk.App.CreateClient();
        var signIn = await anonymous.GetAsync("/admin/failures");
        Assert.Equal("/signin", signIn.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
