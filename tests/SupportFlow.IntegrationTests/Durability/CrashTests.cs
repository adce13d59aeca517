using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Durability;

/// <summary>SPEC: "no accepted ticket ... is ever lost, also when the process is killed mid-load".</summary>
public sealed class CrashTests
{
    [Fact]
    public async Task EveryAcknowledgedTicketSurvivesTheServerBeingKilledMidLoad()
    {
        var data = CliProcess.NewFolder("crash");
        Directory.CreateDirectory(data);
        try
        {
            var (admin, engineer) = await ServerProcess.AdminAndEngineerAsync(data);

            var acknowledged = new ConcurrentBag<string>();
            await using (var server = await ServerProcess.StartAsync(data))
            {
                using var setup = server.Client(admin);
                (await setup.PostAsJsonAsync("/api/teams", new { name = Desk.SystemsTeam, members = new[] { "eng" } })).EnsureSuccessStatusCode();
                (await setup.PostAsJsonAsync("/api/modules", new { name = Desk.SalesModule, category = "system", team = Desk.SystemsTeam }))
                    .EnsureSuccessStatusCode();

                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
                {
                    using var client = server.Client(engineer);
                    for (var i = 0; i < 500 && !stop.IsCancellationRequested; i++)
                    {
                        try
                        {
                            var response = await client.PostAsJsonAsync("/api/tickets", Desk.Report(b =>
                            {
                                b["channel"] = "phone";
                                b["reporter"] = new JsonObject { ["name"] = "Caller" };
                            }));
                            if (response.StatusCode == HttpStatusCode.Created)
                            {
                                var ticket = await response.Content.ReadFromJsonAsync<JsonObject>();
                                acknowledged.Add(ticket!["number"]!.GetValue<string>());
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return; // the server is gone
                        }
                        catch (TaskCanceledException)
                        {
                            return;
                        }
                    }
                })).ToList();

                // Kill while the writers are busy, once a fair number of tickets went through.
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (acknowledged.Count < 40 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(20);
                }

                server.Kill();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} tickets were acknowledged before the kill");
            await using var restarted = await ServerProcess.StartAsync(data);
            using var reader = restarted.Client(admin);
            var stored = new List<string>();
            string? cursor = null;
            do
            {
                var page = await (await reader.GetAsync($"/api/tickets?limit=200{(cursor is null ? "" : "&cursor=" + cursor)}"))
                    .Json(HttpStatusCode.OK);
                stored.AddRange(page["items"]!.AsArray().Select(t => t!["number"]!.GetValue<string>()));
                cursor = page["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null);

            Assert.Empty(acknowledged.Except(stored));
            foreach (var day in stored.GroupBy(n => n[..8]))
            {
                var serials = day.Select(n => int.Parse(n[9..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
                Assert.Equal(Enumerable.Range(1, serials.Count), serials); // no gaps, no duplicates
            }
        }
        finally
        {
            TestDatabase.ReleaseConnections(data);
            CliProcess.DeleteQuietly(data);
        }
    }
}
