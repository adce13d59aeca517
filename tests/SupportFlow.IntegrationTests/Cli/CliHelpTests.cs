namespace SupportFlow.IntegrationTests.Cli;

/// <summary><c>--help</c> at every level prints usage with the options, exits 0, and touches no data.</summary>
public sealed class CliHelpTests
{
    public static TheoryData<string, string[]> HelpPages => new()
    {
        { "--help", ["users", "tokens", "db", "serve", "--help"] },
        { "users --help", ["add", "--help"] },
        { "users add --help", ["--login", "--name", "--role", "--password", "--email", "--department"] },
        { "tokens create --help", ["--login", "--name"] },
        { "db migrate --help", ["migrate", "--help"] },
    };

    [Theory]
    [MemberData(nameof(HelpPages))]
    public async Task HelpPrintsUsageWithTheOptionsAndExitsZero(string command, string[] mentions)
    {
        var data = CliProcess.NewFolder("data");
        var cwd = CliProcess.NewFolder("cwd");
        try
        {
            var result = await CliProcess.RunAsync(command.Split(' '), data, cwd);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
            foreach (var mention in mentions)
            {
                Assert.Contains(mention, result.Stdout, StringComparison.Ordinal);
            }

            Assert.False(Directory.Exists(data), "--help created the data folder");
            Assert.False(Directory.Exists(Path.Combine(cwd, "data")), "--help created ./data");
        }
        finally
        {
            CliProcess.DeleteQuietly(data);
            CliProcess.DeleteQuietly(cwd);
        }
    }
}
