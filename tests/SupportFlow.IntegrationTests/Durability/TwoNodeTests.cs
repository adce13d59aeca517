using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Tickets;

namespace SupportFlow.IntegrationTests.Durability;

/// <summary>
/// SPEC: several identical nodes on one database. Two real server processes share the test's
/// database (on PostgreSQL one database, on SQLite one file): they migrate it once when started
/// together, number concurrent intake spread over both without gaps or duplicates, and record
/// each SLA event once although both sweep the same tickets at the same moment.
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
                (await setup.PostAsJsonAsync("/api/teams", new { name = "Systems", members = new[] { "eng" } })).EnsureSuccessStatusCode();
                (await setup.PostAsJsonAsync("/api/modules", new { name = Desk.SalesModule, category = "system", team = "Systems" }))
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
                        mine.Add((await response.Json(HttpStatusCode.Created)).Str("number"));
                    }

                    return mine;
                })));
                numbers.AddRange(batches.SelectMany(b => b));

                // A new escalation level makes every open ticket due for the sweep.
                (await setup.PutAsJsonAsync("/api/sla/escalations", new[] { new { name = "head", afterBreachMinutes = 60, notify = "department head" } }))
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
            }
        }
        finally
        {
            TestDatabase.ReleaseConnections(data);
            CliProcess.DeleteQuietly(data);
        }
    }
}
