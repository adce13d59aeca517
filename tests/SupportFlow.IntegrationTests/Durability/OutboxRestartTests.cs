using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.IntegrationTests.Notifications;

namespace SupportFlow.IntegrationTests.Durability;

/// <summary>Issue 4: "a restart mid-delivery loses and duplicates nothing", with real server processes and a real SMTP server.</summary>
public sealed class OutboxRestartTests
{
    [Fact]
    public async Task AServerKilledMidDeliveryDeliversEveryPendingMailExactlyOnceAfterARestart()
    {
        var data = CliProcess.NewFolder("outbox");
        Directory.CreateDirectory(data);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var offered = 0;
        // The third mail is held while the first server waits for the answer to DATA, then refused: the server is killed meanwhile.
        await using var inbox = MailInbox.Start(async _ =>
        {
            if (Interlocked.Increment(ref offered) != 3)
            {
                return true;
            }

            holding.TrySetResult();
            return await release.Task;
        });
        var settings = new Dictionary<string, string>
        {
            ["SupportFlow:Smtp:Host"] = "127.0.0.1",
            ["SupportFlow:Smtp:Port"] = inbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SupportFlow:Smtp:TlsMode"] = "none",
            ["SupportFlow:Notifications:PollSeconds"] = "0.2",
            ["SupportFlow:Notifications:LeaseSeconds"] = "2",
            ["SupportFlow:Notifications:DefaultLanguage"] = "en",
        };
        try
        {
            Assert.Equal(0, (await CliProcess.RunAsync(["users", "add", "--login", "admin", "--name", "Admin", "--role", "admin"], data)).ExitCode);
            Assert.Equal(0, (await CliProcess.RunAsync(
                ["users", "add", "--login", "alice", "--name", "Alice", "--role", "reporter", "--email", "alice@example.com"], data)).ExitCode);
            var admin = (await CliProcess.RunAsync(["tokens", "create", "--login", "admin"], data)).StdoutLines[^1];
            var alice = (await CliProcess.RunAsync(["tokens", "create", "--login", "alice"], data)).StdoutLines[^1];

            var numbers = new List<string>();
            await using (var first = await ServerProcess.StartAsync(data, settings))
            {
                using var setup = Client(first, admin);
                (await setup.PostAsJsonAsync("/api/teams", new { name = Desk.SystemsTeam, members = Array.Empty<string>() })).EnsureSuccessStatusCode();
                (await setup.PostAsJsonAsync("/api/modules", new { name = Desk.SalesModule, category = "system", team = Desk.SystemsTeam }))
                    .EnsureSuccessStatusCode();
                using var reporter = Client(first, alice);
                for (var i = 0; i < 5; i++)
                {
                    var ticket = await (await reporter.PostAsJsonAsync("/api/tickets", Desk.Report(b => b["priority"] = "P3")))
                        .Json(HttpStatusCode.Created);
                    numbers.Add(ticket["number"]!.GetValue<string>());
                }

                await holding.Task.WaitAsync(TimeSpan.FromSeconds(60));
                first.Kill();
            }

            release.SetResult(false);
            Assert.Equal(2, inbox.Received.Count);

            await using var second = await ServerProcess.StartAsync(data, settings);
            var mails = await inbox.WaitForAsync(5, TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(3)); // time for a duplicate to show up, if there were one

            Assert.Equal(5, inbox.Received.Count);
            Assert.Equal(5, mails.Select(m => m.Message.MessageId).Distinct().Count());
            Assert.Equal(numbers.Order(StringComparer.Ordinal),
                mails.Select(m => m.Subject[2..14]).Order(StringComparer.Ordinal)); // "[#YYYYMMDD-NNN] ..."
            using var reader = Client(second, admin);
            var sent = await (await reader.GetAsync("/api/notifications?status=sent")).JsonArray();
            Assert.Equal(5, sent.Count);
            Assert.Empty(await (await reader.GetAsync("/api/notifications?status=pending")).JsonArray());
        }
        finally
        {
            release.TrySetResult(false);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            CliProcess.DeleteQuietly(data);
        }
    }

    private static HttpClient Client(ServerProcess server, string token)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
