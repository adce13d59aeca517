using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Durability;

/// <summary>What a new user sees when the server first starts on an empty data folder: no database warnings.</summary>
public sealed class FreshStartLogTests
{
    [Fact]
    public async Task TheFirstStartMigratesWithoutEntityFrameworkWarnings()
    {
        var data = CliProcess.NewFolder("data");
        Directory.CreateDirectory(data);
        TestDatabase.StartEmpty(data); // on PostgreSQL too: a database without a single table, as a new install has
        try
        {
            await using (var server = await ServerProcess.StartAsync(data))
            {
                var lines = server.Output.Concat(server.Errors).ToList();
                Assert.DoesNotContain(lines, l => l.Contains("partially applied", StringComparison.Ordinal));
                Assert.DoesNotContain(lines, l => l.StartsWith("warn: Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
                // e.g. EF's own error log of the __EFMigrationsHistory query that finds no table yet
                Assert.DoesNotContain(lines, l => l.StartsWith("fail:", StringComparison.Ordinal));
            }
        }
        finally
        {
            TestDatabase.ReleaseConnections(data);
            CliProcess.DeleteQuietly(data);
        }
    }
}
