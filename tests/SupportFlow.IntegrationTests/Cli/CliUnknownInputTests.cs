using Microsoft.EntityFrameworkCore;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Cli;

/// <summary>
/// A mistyped verb or argument prints the usage on stderr and exits 2 before anything starts (no
/// server, no database); no verb, <c>serve</c>, and configuration overrides alone start the server.
/// </summary>
public sealed class CliUnknownInputTests : IDisposable
{
    private readonly List<string> _folders = [];

    /// <summary>A command line, the word it must name, and what the usage it prints mentions.</summary>
    public static TheoryData<string[], string, string[]> Mistakes => new()
    {
        { ["frobnicate"], "frobnicate", ["users", "tokens", "archive", "serve"] },
        { ["users", "frobnicate"], "frobnicate", ["add", "list"] },
        { ["archive", "--bogus"], "--bogus", ["--month", "verify"] },
        { ["archive", "--month", "2026-05", "--bogus"], "--bogus", ["--month", "verify"] },
        { ["archive", "--month", "2026-05", "--bogus", "x"], "--bogus", ["--month", "verify"] },
        { ["users", "list", "李娜"], "李娜", ["list"] },
        { ["serve", "--bogus", "1"], "--bogus", ["serve"] },
        { ["serve", "frobnicate"], "frobnicate", ["serve"] },
        { ["--urls"], "--urls", ["users", "serve"] },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task AnUnknownVerbOrArgumentPrintsTheUsageAndExitsTwoWithoutTouchingTheDatabase(string[] command, string offending,
        string[] usageMentions)
    {
        var data = Folder("data");
        TestDatabase.StartEmpty(data);

        var result = await CliProcess.RunAsync(command, data);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Usage:", result.Stderr, StringComparison.Ordinal);
        foreach (var mention in usageMentions)
        {
            Assert.Contains(mention, result.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains($"'{offending}'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Stdout, StringComparison.Ordinal);
        await AssertUntouchedAsync(data);
    }

    [Fact]
    public async Task NoVerbStartsTheServer()
    {
        var data = Folder("data");

        var result = await CliProcess.RunUntilListeningAsync([], data, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });

        Assert.True(result.ExitCode == -1, result.ToString());
    }

    public static TheoryData<string[]> ServerCommandLines => new()
    {
        { ["serve", "--urls", "http://127.0.0.1:0"] },
        { ["--urls", "http://127.0.0.1:0"] },
        { ["--urls=http://127.0.0.1:0", "--SupportFlow:Tickets:AutoCloseAfterBusinessDays", "5"] },
        { ["serve", "/urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Information"] },
    };

    [Theory]
    [MemberData(nameof(ServerCommandLines))]
    public async Task ServeAndConfigurationOverridesStartTheServer(string[] command)
    {
        var result = await CliProcess.RunUntilListeningAsync(command, Folder("data"));

        Assert.True(result.ExitCode == -1, result.ToString());
    }

    [Fact]
    public async Task TheDataFolderGivenAsAnOverrideIsTheOneTheServerUses()
    {
        var data = Folder("服务 data %?");

        var result = await CliProcess.RunUntilListeningAsync(["--SupportFlow:DataDirectory=" + data, "--urls", "http://127.0.0.1:0"], null);

        Assert.True(result.ExitCode == -1, result.ToString());
        Assert.True(File.Exists(Path.Combine(data, "supportflow.db")), result.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folders.ForEach(CliProcess.DeleteQuietly);
    }

    private static async Task AssertUntouchedAsync(string data)
    {
        if (TestDatabase.OnPostgres)
        {
            await using var db = TestDatabase.OpenContext(data);
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        }
        else
        {
            Assert.False(Directory.Exists(data), "the data folder was created");
        }
    }

    private string Folder(string kind)
    {
        var folder = CliProcess.NewFolder(kind);
        _folders.Add(folder);
        return folder;
    }
}
