using Microsoft.EntityFrameworkCore;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Cli;

/// <summary>
/// A careless setting or an unwritable folder ends the server or a CLI verb with one line that says
/// what is wrong and a non-zero exit: no stack trace, and a bad setting is found before the
/// database is touched (on SQLite: no file; on PostgreSQL: no migration applied).
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private const string BadZone = "--SupportFlow:Organization:TimeZone=Mars/Olympus_Mons";
    private readonly List<string> _folders = [];

    [Theory]
    [InlineData("serve", "--urls", "http://127.0.0.1:0")]
    [InlineData("users", "list")]
    [InlineData("db", "migrate")]
    public async Task AnUnknownTimeZoneIsRefusedInOneLineBeforeTheDatabaseIsTouched(params string[] command)
    {
        var data = Folder("data");
        TestDatabase.StartEmpty(data);

        var result = await CliProcess.RunAsync([.. command, BadZone], data);

        Assert.True(result.ExitCode != 0, result.ToString());
        var line = Assert.Single(Lines(result.Stderr));
        Assert.Contains("TimeZone 'Mars/Olympus_Mons' is not a time zone", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout, StringComparison.Ordinal);
        if (TestDatabase.OnPostgres)
        {
            await using var db = TestDatabase.OpenContext(data);
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        }
        else
        {
            Assert.False(File.Exists(Path.Combine(data, "supportflow.db")), "the database was created before the setting was checked");
        }
    }

    [Fact]
    public async Task ABackupIntoAFolderThatCannotBeWrittenSaysSoInOneLine()
    {
        var data = Folder("data");
        var migrated = await CliProcess.RunAsync(["db", "migrate"], data, sqlite: true);
        Assert.True(migrated.ExitCode == 0, migrated.ToString());
        var notAFolder = Path.Combine(data, "备份 notes.txt");
        await File.WriteAllTextAsync(notAFolder, "a file where the backup's parent folder should be");

        foreach (var target in new[] { Path.Combine(notAFolder, "backup"), "/proc/supportflow-backup" })
        {
            var result = await CliProcess.RunAsync(["backup", "--to", target], data, sqlite: true);

            Assert.True(result.ExitCode == 1, result.ToString());
            var line = Assert.Single(Lines(result.Stderr));
            Assert.StartsWith($"Cannot write the backup into {target}:", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr + result.Stdout, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folders.ForEach(CliProcess.DeleteQuietly);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private string Folder(string kind)
    {
        var folder = CliProcess.NewFolder(kind);
        _folders.Add(folder);
        return folder;
    }
}
