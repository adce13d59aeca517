using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Notifications;
using SupportFlow.IntegrationTests.Tickets;
using SupportFlow.Notifications;

namespace SupportFlow.IntegrationTests.Durability;

/// <summary>
/// SPEC: several identical nodes on one database. Two real server processes share the test's
/// database (on PostgreSQL one database, on SQLite one file): they migrate it once when started
/// together, number concurrent intake spread over both without gaps or duplicates, record
/// each SLA event once although both sweep the same tickets at the same moment, and deliver each
/// outbox row once although both delivery workers work off the same backlog.
/// </summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task TwoNodesStartedTogetherOnAnEmptyDatabaseMigrateItOnce()
    {
        var data = CliProcess.NewFolder("nodes");
        Directory.CreateDirectory(data);
        TestDatabase.StartEmpty(data);
        try
        {
            var nodes = await Task.WhenAll(ServerProcess.StartAsync(data), ServerProcess.StartAsync(data));
            await using (nodes[0])
            await using (nodes[1])
            {
                foreach (var node in nodes)
                {
                    using var client = new HttpClient { BaseAddress = node.Address };
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
                }
            }

            await using var db = TestDatabase.OpenContext(data);
            var known = db.Database.GetMigrations().ToList();
            Assert.NotEmpty(known);
            Assert.Equal(known, await db.Database.GetAppliedMigrationsAsync());
            var rows = await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "__EFMigrationsHistory" """).SingleAsync();
            Assert.Equal(known.Count, rows);
        }
        finally
        {
            TestDatabase.ReleaseConnections(data);
            CliProcess.DeleteQuietly(data);
        }
    }

    [Fact]
    public async Task IntakeSpreadOverTwoNodesIsNumberedContiguouslyAndEachSlaEventIsRecordedOnce()
    {
        var data = CliProcess.NewFolder("nodes");
        Directory.CreateDirectory(data);
        try
        {
            var (admin, engineer) = await ServerProcess.AdminAndEngineerAsync(data);

            var numbers = new List<string>();
            var nodes = await Task.WhenAll(ServerProcess.StartAsync(data), ServerProcess.StartAsync(data));
            await using (nodes[0])
            await using (nodes[1])
            {
                using var setup = nodes[0].Client(admin);
                (await setup.PostAsJsonAsync("/api/teams", new { name = Desk.SystemsTeam, members = new[] { "eng" } })).EnsureSuccessStatusCode();
                (await setup.PostAsJsonAsync("/api/modules", new { name = Desk.SalesModule, category = "system", team = Desk.SystemsTeam }))
                    .EnsureSuccessStatusCode();

                // 8 clients, each alternating between the nodes: today's calls, and calls received a
                // week ago whose SLA targets are long breached.
                var weekAgo = DateTimeOffset.UtcNow.AddDays(-7).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);
                var clients = nodes.Select(node => node.Client(engineer)).ToArray();
                var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
                {
                    var mine = new List<string>();
                    for (var i = 0; i < 25; i++)
                    {
                        var old = i % 5 == 0;
                        var response = await clients[(writer + i) % 2].PostAsJsonAsync("/api/tickets", Desk.Report(b =>
                        {
                            b["channel"] = "phone";
                            b["priority"] = "P1";
                            b["reporter"] = new JsonObject { ["name"] = "Caller" };
                            if (old)
                            {
                                b["occurredAt"] = weekAgo;
                                b["receivedAt"] = weekAgo;
                            }
                        }));
                        Assert.True(response.StatusCode == HttpStatusCode.Created,
                            $"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{nodes[0].Tail()}\n{nodes[1].Tail()}");
                        mine.Add((await response.Json(HttpStatusCode.Created)).Str("number"));
                    }

                    return mine;
                })));
                numbers.AddRange(batches.SelectMany(b => b));

                // A new escalation level makes every open ticket due for the sweep.
                (await setup.PostAsJsonAsync("/api/users", new { login = "wangzg", name = "王主管", role = "supervisor", email = "wangzg@example.com" }))
                    .EnsureSuccessStatusCode();
                (await setup.PutAsJsonAsync("/api/sla/escalations", new[] { new { name = "head", afterBreachMinutes = 60, notify = "supervisors" } }))
                    .EnsureSuccessStatusCode();
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }

            Assert.Equal(200, numbers.Count);
            Assert.Equal(200, numbers.Distinct(StringComparer.Ordinal).Count());
            foreach (var day in numbers.GroupBy(n => n[..8], StringComparer.Ordinal))
            {
                var serials = day.Select(n => int.Parse(n[9..], CultureInfo.InvariantCulture)).Order().ToList();
                Assert.Equal(Enumerable.Range(1, serials.Count), serials);
            }

            // Both nodes start together, and both sweep the same due tickets at once.
            var restarted = await Task.WhenAll(ServerProcess.StartAsync(data), ServerProcess.StartAsync(data));
            await using (restarted[0])
            await using (restarted[1])
            {
                await using var db = TestDatabase.OpenContext(data);
                var deadline = DateTime.UtcNow.AddSeconds(120);
                // A parameter, not DateTimeOffset.UtcNow in the query: SQLite stores times as UTC ticks.
                for (var now = DateTimeOffset.UtcNow;
                     await db.Tickets.AnyAsync(t => t.SlaNextEventAt <= now) && DateTime.UtcNow < deadline;
                     now = DateTimeOffset.UtcNow)
                {
                    await Task.Delay(250);
                }

                var lines = await db.TicketHistory.Where(h => h.Action == "sla")
                    .Select(h => new { h.TicketId, h.Field, h.NewValue }).ToListAsync();
                var escalations = await db.TicketSlaEvents.CountAsync(e => e.Level == "escalation:head");
                Assert.True(escalations >= 40, $"only {escalations} escalations were recorded");
                Assert.Equal(await db.TicketSlaEvents.CountAsync(), lines.Count);
                Assert.All(lines.GroupBy(l => l), line => Assert.Single(line));

                // Each escalated ticket reached the supervisor once, however many targets escalated and nodes raced.
                var escalated = await db.TicketSlaEvents.Where(e => e.Level == "escalation:head").Select(e => e.TicketId).Distinct().CountAsync();
                Assert.Equal(escalated, await db.TicketEscalations.CountAsync(e => e.Level == "head"));
                var mails = await db.Outbox.Where(m => m.Event == "slaEscalation").Select(m => new { m.TicketId, m.Recipient }).ToListAsync();
                Assert.Equal(escalated, mails.Count);
                Assert.All(mails, m => Assert.Equal("wangzg@example.com", m.Recipient));
                Assert.Equal(escalated, mails.Select(m => m.TicketId).Distinct().Count());
            }
        }
        finally
        {
            TestDatabase.ReleaseConnections(data);
            CliProcess.DeleteQuietly(data);
        }
    }

    [Fact]
    public async Task TwoNodesDeliveringOneOutboxSendEveryNotificationExactlyOnce()
    {
        var data = CliProcess.NewFolder("nodes");
        Directory.CreateDirectory(data);
        // Every mail is held (the sender waits for the answer to DATA) until all tickets are in and two mails are held
        // at once. A node's worker sends one mail at a time, so two held mails mean both nodes are delivering; once
        // released, both work off the same backlog of pending rows together.
        var held = 0;
        var bothDelivering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var inbox = MailInbox.Start(async _ =>
        {
            if (!open.Task.IsCompleted)
            {
                if (Interlocked.Increment(ref held) == 2)
                {
                    bothDelivering.TrySetResult();
                }

                await open.Task;
            }

            return true;
        });
        var settings = new Dictionary<string, string>
        {
            ["SupportFlow:Smtp:Host"] = "127.0.0.1",
            ["SupportFlow:Smtp:Port"] = inbox.Port.ToString(CultureInfo.InvariantCulture),
            ["SupportFlow:Smtp:TlsMode"] = "none",
            ["SupportFlow:Smtp:TimeoutSeconds"] = "120", // a held mail must not time out on a slow machine
            ["SupportFlow:Notifications:PollSeconds"] = "0.1",
            // No lease runs out during the test: a second delivery of a row could only come from a claim won twice.
            ["SupportFlow:Notifications:LeaseSeconds"] = "120",
            ["SupportFlow:Notifications:DefaultLanguage"] = "en",
        };
        try
        {
            Assert.Equal(0, (await CliProcess.RunAsync(["users", "add", "--login", "admin", "--name", "Admin", "--role", "admin"], data)).ExitCode);
            var admin = (await CliProcess.RunAsync(["tokens", "create", "--login", "admin"], data)).StdoutLines[^1];

            var nodes = await Task.WhenAll(ServerProcess.StartAsync(data, settings), ServerProcess.StartAsync(data, settings));
            await using (nodes[0])
            await using (nodes[1])
            {
                using var first = nodes[0].Client(admin);
                using var second = nodes[1].Client(admin);
                HttpClient[] clients = [first, second];
                (await clients[0].PostAsJsonAsync("/api/teams", new { name = Desk.SystemsTeam, members = Array.Empty<string>() })).EnsureSuccessStatusCode();
                (await clients[0].PostAsJsonAsync("/api/modules", new { name = Desk.SalesModule, category = "system", team = Desk.SystemsTeam }))
                    .EnsureSuccessStatusCode();

                // 20 phone calls taken on alternate nodes, each from its own caller with an e-mail address:
                // each ticket queues one "received" mail (P3 and a team without chat: nothing else).
                var numberOf = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < 20; i++)
                {
                    var email = $"caller{i}@example.com";
                    var ticket = await (await clients[i % 2].PostAsJsonAsync("/api/tickets", Desk.Report(b =>
                    {
                        b["channel"] = "phone";
                        b["priority"] = "P3";
                        b["reporter"] = new JsonObject { ["name"] = $"Caller {i}", ["email"] = email };
                    }))).Json(HttpStatusCode.Created);
                    numberOf[email] = ticket.Str("number");
                }

                await bothDelivering.Task.WaitAsync(TimeSpan.FromSeconds(30));
                open.SetResult();

                await using var db = TestDatabase.OpenContext(data);
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (await db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }

                await Task.Delay(TimeSpan.FromSeconds(1)); // time for a duplicate still on its way to show up, if there were one

                // One "received" mail per ticket, to its caller.
                var rows = await db.Outbox.AsNoTracking().ToListAsync();
                var emails = rows.Where(r => r.Channel == NotificationChannel.Email).ToList();
                Assert.Equal(numberOf.Keys.Order(StringComparer.Ordinal), emails.Select(r => r.Recipient).Order(StringComparer.Ordinal));

                // The SMTP server received each row's Message-ID exactly once, at the row's recipient, and nothing else.
                var mails = inbox.Received.ToList();
                Assert.Empty(mails.GroupBy(m => m.Message.MessageId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
                Assert.Equal(emails.Count, mails.Count);
                Assert.Equal(emails.Select(r => r.MessageId).Order(StringComparer.Ordinal),
                    mails.Select(m => m.Message.MessageId).Order(StringComparer.Ordinal));
                var rowOf = emails.ToDictionary(r => r.MessageId, StringComparer.Ordinal);
                Assert.All(mails, mail =>
                {
                    var recipient = rowOf[mail.Message.MessageId ?? ""].Recipient;
                    Assert.Equal(new[] { recipient }, mail.EnvelopeTo);
                    Assert.Contains(numberOf[recipient], mail.Subject, StringComparison.Ordinal);
                });

                // Every row was sent by one attempt and is no longer claimed.
                Assert.All(rows, row =>
                {
                    Assert.Equal(OutboxStatus.Sent, row.Status);
                    Assert.Equal(1, row.Attempts);
                    Assert.Null(row.ClaimToken);
                });

                // Each delivery is recorded once on its ticket.
                var recorded = await db.TicketHistory.Where(h => h.Action == "notify").Select(h => h.TicketId).ToListAsync();
                Assert.Equal(rows.Select(r => r.TicketId!.Value).Order(), recorded.Order());
            }
        }
        finally
        {
            open.TrySetResult();
            TestDatabase.ReleaseConnections(data);
            CliProcess.DeleteQuietly(data);
        }
    }
}
