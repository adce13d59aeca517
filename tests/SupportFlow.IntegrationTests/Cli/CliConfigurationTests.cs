namespace SupportFlow.IntegrationTests.Cli;

/// <summary>
/// The CLI reads the same configuration as the server: the data folder from
/// <c>SupportFlow__DataDirectory</c> or <c>--SupportFlow:DataDirectory=...</c>, never the default
/// <c>./data</c> once one is given. About where the embedded SQLite file goes, so on SQLite
/// whichever database the rest of the suite runs on.
/// </summary>
public sealed class CliConfigurationTests : IDisposable
{
    private readonly List<string> _folders = [];

    [Fact]
    public async Task DbMigrateCreatesTheDatabaseInAFreshDataFolder()
    {
        var data = Folder("data");
        var cwd = Folder("cwd");
        Assert.False(Directory.Exists(data));

        var result = await CliProcess.RunAsync(["db", "migrate"], data, cwd, sqlite: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(data, "supportflow.db")), result.ToString());
        Assert.Equal(0, CliProcess.CountUsers(data, "anyone", sqlite: true));
        Assert.False(Directory.Exists(Path.Combine(cwd, "data")), "the default ./data was used instead of the configured folder");
    }

    [Fact]
    public async Task TheDataFolderCanBeGivenOnTheCommandLine()
    {
        var data = Folder("data");
        var cwd = Folder("cwd");

        var added = await CliProcess.RunAsync(
            ["users", "add", "--login", "cmdline", "--name", "Cmd", "--role", "engineer", $"--SupportFlow:DataDirectory={data}"],
            dataDirectory: null, cwd);

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.False(Directory.Exists(Path.Combine(cwd, "data")), "the default ./data was used instead of --SupportFlow:DataDirectory");
        Assert.Equal(1, CliProcess.CountUsers(data, "cmdline", sqlite: true));
        var token = await CliProcess.RunAsync(["tokens", "create", "--login", "cmdline"], dataDirectory: data, sqlite: true);
        Assert.True(token.ExitCode == 0, token.ToString());
        Assert.StartsWith("sf_", token.StdoutLines[^1], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folders.ForEach(CliProcess.DeleteQuietly);
    }

    private string Folder(string kind)
    {
        var folder = CliProcess.NewFolder(kind);
        _folders.Add(folder);
        return folder;
    }
}
