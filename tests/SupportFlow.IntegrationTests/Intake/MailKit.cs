using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Server.Intake.Mail;

namespace SupportFlow.IntegrationTests.Intake;

/// <summary>
/// A desk reading a mailbox of its own on the shared Dovecot server. Mailbox watching is off, so
/// each test decides when the desk reads (<see cref="ReadAsync"/>), as a watcher's pass would.
/// </summary>
public sealed class MailDesk(Desk desk, Dovecot dovecot, string user) : IAsyncDisposable
{
    public const string Mailbox = "support";

    public Desk Desk { get; } = desk;

    public Dovecot Dovecot { get; } = dovecot;

    public string User { get; } = user;

    public static async Task<MailDesk> OpenAsync(Dovecot dovecot, SupportFlowApp? app = null, bool watch = false)
    {
        app ??= new SupportFlowApp();
        app.Settings["SupportFlow:MailIntake:Watch"] = watch ? "true" : "false";
        var desk = await Desk.OpenAsync(app);
        var user = await dovecot.AddUserAsync();
        var mailDesk = new MailDesk(desk, dovecot, user);
        (await desk.Admin.PostAsJsonAsync("/api/mailboxes", mailDesk.MailboxBody())).EnsureSuccessStatusCode();
        return mailDesk;
    }

    public object MailboxBody() => new
    {
        name = Mailbox, host = "127.0.0.1", port = Dovecot.Port, tls = "none", user = User, password = Dovecot.Password,
        folder = "INBOX", address = "support@desk.example", module = Desk.SalesModule, priority = "P3",
    };

    public Task DeliverAsync(string message, string envelopeFrom = "sender@example.com") =>
        Dovecot.DeliverAsync(User, message, envelopeFrom);

    public Task DeliverAsync(byte[] message) => Dovecot.DeliverAsync(User, message);

    /// <summary>One pass over the mailbox, as the watcher does after each wake-up.</summary>
    public Task<int> ReadAsync(SupportFlowApp? app = null) =>
        (app ?? Desk.App).Services.GetRequiredService<MailboxReader>().ReadOnceAsync(Mailbox, CancellationToken.None);

    public async Task<JsonArray> TicketsAsync()
    {
        var page = await (await Desk.Supervisor.GetAsync("/api/tickets?limit=200")).Json(HttpStatusCode.OK);
        return page["items"]!.AsArray();
    }

    public async Task<JsonObject> TicketAsync(string number) =>
        await (await Desk.Supervisor.GetAsync($"/api/tickets/{number}")).Json(HttpStatusCode.OK);

    public async Task<JsonArray> HistoryAsync(string number) =>
        await (await Desk.Supervisor.GetAsync($"/api/tickets/{number}/history")).JsonArray();

    public async Task<JsonArray> InboundAsync(string? outcome = null) =>
        await (await Desk.Admin.GetAsync("/api/intake/messages" + (outcome is null ? "" : $"?outcome={outcome}"))).JsonArray();

    /// <summary>An IMAP session of the mailbox's own user, to look at or change flags as a person or a crash would.</summary>
    public async Task<T> ImapAsync<T>(Func<IMailFolder, Task<T>> use)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Dovecot.Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Dovecot.Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var result = await use(client.Inbox);
        await client.DisconnectAsync(true);
        return result;
    }

    public Task<int> UnseenCountAsync() => ImapAsync(async inbox => (await inbox.SearchAsync(SearchQuery.NotSeen)).Count);

    public ValueTask DisposeAsync() => Desk.DisposeAsync();
}

/// <summary>Raw RFC 5322 messages as mail clients and servers write them.</summary>
public static class Mails
{
    public static string Plain(string from, string subject, string body, string? messageId = null, string extraHeaders = "") => $"""
        From: {from}
        To: support@desk.example
        Subject: {subject}
        Date: Wed, 20 May 2026 14:12:00 +0800
        Message-ID: <{messageId ?? Guid.NewGuid().ToString("N") + "@mail.example.com"}>
        MIME-Version: 1.0
        {extraHeaders}Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        {body}
        """;
}
