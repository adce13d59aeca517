using System.Net;
using System.Text;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Intake;

/// <summary>Mail to the support address becomes a ticket: sender, subject, text, attachments, arrival.</summary>
public sealed class MailTicketTests(Dovecot dovecot) : IClassFixture<Dovecot>, IAsyncLifetime
{
    private MailDesk _mail = null!;

    public async Task InitializeAsync() => _mail = await MailDesk.OpenAsync(dovecot);

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    [Fact]
    public async Task APlainMailFromAKnownAddressBecomesAnEmailTicketOfThatReporter()
    {
        await _mail.DeliverAsync(Mails.Plain("Alice Wang <alice@example.com>", "Printer on floor 3 jams",
            "Since this morning every job jams.\nRegards, Alice"));

        Assert.Equal(1, await _mail.ReadAsync());

        var ticket = Assert.Single(await _mail.TicketsAsync())!;
        Assert.Matches(@"^20260520-\d{3}$", ticket["number"]!.GetValue<string>());
        Assert.Equal("Printer on floor 3 jams", ticket["title"]!.GetValue<string>());
        Assert.Equal("Since this morning every job jams.\nRegards, Alice", ticket["description"]!.GetValue<string>());
        Assert.Equal("email", ticket["channel"]!.GetValue<string>());
        Assert.Equal("P3", ticket["priority"]!.GetValue<string>());
        Assert.Equal(Desk.SalesModule, ticket["module"]!.GetValue<string>());
        Assert.Equal(Desk.SystemsTeam, ticket["team"]!.GetValue<string>());
        Assert.Equal("alice", ticket["reporter"]!["login"]!.GetValue<string>());
        Assert.Equal("alice@example.com", ticket["reporter"]!["email"]!.GetValue<string>());

        // Alice follows it in the portal like any ticket of hers, and the mail is marked read.
        (await _mail.Desk.Alice.GetAsync($"/api/tickets/{ticket["number"]}")).EnsureSuccessStatusCode();
        Assert.Equal(0, await _mail.UnseenCountAsync());
    }

    [Fact]
    public async Task AnUnknownSenderIsRecordedAsAnExternalReporter()
    {
        await _mail.DeliverAsync(Mails.Plain("\"Zhang San\" <zhang.san@customer.example>", "VPN drops", "Every ten minutes."));
        await _mail.ReadAsync();

        var ticket = Assert.Single(await _mail.TicketsAsync())!;
        Assert.Null(ticket["reporter"]!["login"]);
        Assert.Equal("Zhang San", ticket["reporter"]!["name"]!.GetValue<string>());
        Assert.Equal("zhang.san@customer.example", ticket["reporter"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnHtmlOnlyMailIsSanitisedIntoText()
    {
        await _mail.DeliverAsync("""
            From: bob@customer.example
            To: support@desk.example
            Subject: Report page broken
            Message-ID: <html-1@customer.example>
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><head><style>p { color: red }</style><script>alert('x')</script></head>
            <body><p>The <b>monthly report</b> shows:</p><ul><li>no totals</li><li>wrong dates</li></ul>
            <p onclick="steal()">See <a href="https://reports.example/m/5">the report</a>.</p></body></html>
            """);
        await _mail.ReadAsync();

        var description = Assert.Single(await _mail.TicketsAsync())!["description"]!.GetValue<string>();
        Assert.Equal("The monthly report shows:\n\n- no totals\n\n- wrong dates\n\nSee the report (https://reports.example/m/5).",
            description);
    }

    [Fact]
    public async Task AChineseEncodedSubjectAndAGbkBodyAreDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK");
        var subject = "=?GBK?B?" + Convert.ToBase64String(gbk.GetBytes("销售系统登录失败")) + "?=";
        var head = $"From: =?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("李雷"))}?= <li.lei@customer.example>\n"
                   + $"To: support@desk.example\nSubject: {subject}\nMessage-ID: <gbk-1@customer.example>\nMIME-Version: 1.0\n"
                   + "Content-Type: text/plain; charset=GBK\nContent-Transfer-Encoding: 8bit\n\n";
        await _mail.DeliverAsync([.. Encoding.ASCII.GetBytes(head), .. gbk.GetBytes("输入密码后提示“用户不存在”。\n")]);
        await _mail.ReadAsync();

        var ticket = Assert.Single(await _mail.TicketsAsync())!;
        Assert.Equal("销售系统登录失败", ticket["title"]!.GetValue<string>());
        Assert.Equal("输入密码后提示“用户不存在”。", ticket["description"]!.GetValue<string>());
        Assert.Equal("李雷", ticket["reporter"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AttachmentsFollowTheUploadRulesAndRefusedOnesAreNoted()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
        var log = "2026-05-20 14:00 ERROR connection refused\n"u8.ToArray();
        await _mail.DeliverAsync($"""
            From: alice@example.com
            To: support@desk.example
            Subject: Screenshot and log
            Message-ID: <att-1@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            See the attached files.
            --b1
            Content-Type: image/png; name="screen.png"
            Content-Disposition: attachment; filename="screen.png"
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(png)}
            --b1
            Content-Type: text/plain; name="=?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("错误日志.log"))}?="
            Content-Disposition: attachment; filename*=UTF-8''%E9%94%99%E8%AF%AF%E6%97%A5%E5%BF%97.log
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(log)}
            --b1
            Content-Type: application/octet-stream; name="setup.exe"
            Content-Disposition: attachment; filename="setup.exe"
            Content-Transfer-Encoding: base64

            TVqQAAMAAAAEAAAA
            --b1--
            """);
        await _mail.ReadAsync();

        var number = Assert.Single(await _mail.TicketsAsync())!["number"]!.GetValue<string>();
        var files = await (await _mail.Desk.Supervisor.GetAsync($"/api/tickets/{number}/attachments")).JsonArray();
        Assert.Equal(["screen.png", "错误日志.log"], files.Select(f => f!["fileName"]!.GetValue<string>()).ToArray());
        Assert.Equal(png, await _mail.Desk.Supervisor.GetByteArrayAsync(files[0]!["url"]!.GetValue<string>()));
        Assert.Equal(log, await _mail.Desk.Supervisor.GetByteArrayAsync(files[1]!["url"]!.GetValue<string>()));

        var record = Assert.Single(await _mail.InboundAsync("ticket"))!;
        Assert.Contains("setup.exe", record["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceivedAtIsWhenTheMailArrivedNotWhenItWasRead()
    {
        // Appended with its arrival time (INTERNALDATE) 40 minutes before the desk reads it.
        var arrived = SupportFlowApp.Start.AddMinutes(-40);
        await _mail.ImapAsync(async inbox =>
        {
            var message = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(
                Mails.Plain("alice@example.com", "Arrived earlier", "Read later").ReplaceLineEndings("\r\n"))));
            return await inbox.AppendAsync(new MailKit.AppendRequest(message) { InternalDate = arrived });
        });
        await _mail.ReadAsync();

        var ticket = Assert.Single(await _mail.TicketsAsync())!;
        Assert.Equal(arrived, ticket["receivedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("+08:00", ticket["receivedAt"]!.GetValue<string>()[^6..]);
    }

    [Fact]
    public async Task AMailboxPasswordIsNeverReturned()
    {
        var listed = await (await _mail.Desk.Admin.GetAsync("/api/mailboxes")).JsonArray();
        var mailbox = Assert.Single(listed)!.AsObject();
        Assert.False(mailbox.ContainsKey("password"));
        Assert.True(mailbox["passwordSet"]!.GetValue<bool>());
        Assert.DoesNotContain(Dovecot.Password, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await _mail.Desk.Supervisor.GetAsync("/api/mailboxes")).StatusCode);
    }
}
