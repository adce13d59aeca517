using System.Text.Json;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Durability;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Operations;

/// <summary>With <c>Logging:Console:FormatterName=json</c> every log line is one JSON object, for a log collector.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task JsonFormatterWritesOneJsonObjectPerLine()
    {
        var data = CliProcess.NewFolder("logs");
        Directory.CreateDirectory(data);
        try
        {
            await using (var server = await ServerProcess.StartAsync(data, new Dictionary<string, string>
            {
                ["Logging__Console__FormatterName"] = "json",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            }))
            {
                using var client = new HttpClient { BaseAddress = server.Address };
                await client.GetAsync("/healthz");
                var lines = server.Output.Where(l => l.Length > 0).ToList();

                Assert.NotEmpty(lines);
                var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
                Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
                                              && e.GetProperty("LogLevel").GetString() == "Information"
                                              && e.GetProperty("Message").GetString()!.Contains(server.Address.Authority, StringComparison.Ordinal));
            }
        }
        finally
        {
            TestDatabase.ReleaseConnections(data);
            CliProcess.DeleteQuietly(data);
        }
    }
}
