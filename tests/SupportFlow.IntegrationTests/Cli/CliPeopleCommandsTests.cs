using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Users;

namespace SupportFlow.IntegrationTests.Cli;

/// <summary>
/// <c>users set-password / set-role / deactivate / activate</c> and <c>tokens list / revoke</c>, run
/// as the real executable against a data folder a server also serves: they end sessions and
/// revoke tokens as the admin API does, and refuse bad input in one line with a non-zero exit.
/// </summary>
public sealed class CliPeopleCommandsTests : IAsyncLifetime
{
    private const string FirstPassword = "第一个密码 first";
    private readonly string _data = CliProcess.NewFolder("data");
    private SupportFlowApp _app = null!;

    public async Task InitializeAsync()
    {
        foreach (var (login, name, role) in new[]
                 {
                     ("li.na", Desk.SupervisorName, "engineer"), ("zhang.wei", Desk.EngineerName, "engineer"),
                     ("alice", "Alice 王 ?%", "reporter"),
                 })
        {
            var added = await CliProcess.RunAsync(["users", "add", "--login", login, "--name", name, "--role", role, "--password", "-"],
                _data, stdin: FirstPassword + "\n");
            Assert.True(added.ExitCode == 0, added.ToString());
        }

        _app = new SupportFlowApp(dataDirectory: _data);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        CliProcess.DeleteQuietly(_data);
    }

    [Fact]
    public async Task SetPasswordFromStdinEndsTheWebSessionsAndTheNewPasswordSignsIn()
    {
        var browser = new WebSession(_app);
        var cookie = await browser.SignInAsync("li.na", FirstPassword);
        Assert.True(await browser.StillWorksAsync(cookie));

        var result = await Cli(["users", "set-password", "LI.NA"], stdin: "新密码 new one ?%\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(await browser.StillWorksAsync(cookie), "the old session still works after set-password");
        var refused = await WebSession.PostSignInAsync(WebSession.Browser(_app), "li.na", FirstPassword);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(await new WebSession(_app).StillWorksAsync(await new WebSession(_app).SignInAsync("li.na", "新密码 new one ?%")));

        var given = await Cli(["users", "set-password", "li.na", "--password", "third-password"]);
        Assert.True(given.ExitCode == 0, given.ToString());
        await new WebSession(_app).SignInAsync("li.na", "third-password");
    }

    [Theory]
    [InlineData("short\n", "password:")]
    [InlineData("", "password:")]
    [InlineData("\n", "password:")]
    public async Task SetPasswordRefusesABadOrMissingPasswordInOneLine(string stdin, string line)
    {
        var result = await Cli(["users", "set-password", "zhang.wei"], stdin: stdin);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(line, Assert.Single(Lines(result.Stderr)), StringComparison.Ordinal);
        await new WebSession(_app).SignInAsync("zhang.wei", FirstPassword);
    }

    [Fact]
    public async Task SetPasswordOfAnUnknownLoginExitsOneBeforeReadingAPassword()
    {
        var result = await Cli(["users", "set-password", "nobody"], stdin: "never-read-password\n");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("User 'nobody' was not found.", Assert.Single(Lines(result.Stderr)));
    }

    [Fact]
    public async Task SetRoleChangesTheRoleAndRefusesAnUnknownRoleOrLogin()
    {
        var result = await Cli(["users", "set-role", "alice", "supervisor"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Role.Supervisor, await RoleOfAsync("alice"));

        var bad = await Cli(["users", "set-role", "alice", "god"]);
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.StartsWith("role: 'god'", Assert.Single(Lines(bad.Stderr)), StringComparison.Ordinal);
        var unknown = await Cli(["users", "set-role", "nobody", "admin"]);
        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Single(Lines(unknown.Stderr));
        Assert.Equal(Role.Supervisor, await RoleOfAsync("alice"));

        var missing = await Cli(["users", "set-role", "alice"]);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("role", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeactivateEndsSessionsAndRevokesTokensAndActivateLetsThemSignInAgain()
    {
        var browser = new WebSession(_app);
        var cookie = await browser.SignInAsync("zhang.wei", FirstPassword);
        var token = (await Cli(["tokens", "create", "--login", "zhang.wei"])).StdoutLines[^1];
        Assert.Equal(HttpStatusCode.OK, (await Bearer(token).GetAsync("/api/me")).StatusCode);

        var result = await Cli(["users", "deactivate", "zhang.wei"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(await browser.StillWorksAsync(cookie), "a session survived the deactivation");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(token).GetAsync("/api/me")).StatusCode);
        Assert.Contains("zhang.wei\tengineer\t张伟\tinactive", (await Cli(["users", "list"])).Stdout, StringComparison.Ordinal);
        Assert.Contains("revoked", Assert.Single((await Cli(["tokens", "list", "--login", "zhang.wei"])).StdoutLines),
            StringComparison.Ordinal);

        var activated = await Cli(["users", "activate", "zhang.wei"]);

        Assert.True(activated.ExitCode == 0, activated.ToString());
        Assert.Contains("zhang.wei\tengineer\t张伟\tactive", (await Cli(["users", "list"])).Stdout, StringComparison.Ordinal);
        Assert.False(await browser.StillWorksAsync(cookie), "the saved cookie came back with the reactivation");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(token).GetAsync("/api/me")).StatusCode);
        await new WebSession(_app).SignInAsync("zhang.wei", FirstPassword);
        var unknown = await Cli(["users", "deactivate", "nobody"]);
        Assert.True(unknown.ExitCode == 1, unknown.ToString());
    }

    [Fact]
    public async Task TokensListShowsNoSecretAndRevokeEndsOneToken()
    {
        var first = (await Cli(["tokens", "create", "--login", "alice", "--name", "报表脚本 report ?%"])).StdoutLines[^1];
        var second = (await Cli(["tokens", "create", "--login", "alice", "--name", "backup"])).StdoutLines[^1];

        var listed = await Cli(["tokens", "list", "--login", "alice"]);

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.DoesNotContain("sf_", listed.Stdout, StringComparison.Ordinal);
        var line = Assert.Single(listed.StdoutLines, l => l.Contains("报表脚本 report ?%", StringComparison.Ordinal));
        var id = line.Split('\t')[0];
        Assert.Contains("\talice\t", line, StringComparison.Ordinal);
        Assert.EndsWith("active", line, StringComparison.Ordinal);
        Assert.Contains((await Cli(["tokens", "list"])).StdoutLines, l => l.StartsWith(id + "\t", StringComparison.Ordinal));

        var revoked = await Cli(["tokens", "revoke", id]);

        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(first).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(second).GetAsync("/api/me")).StatusCode);
        Assert.Contains("revoked", Assert.Single((await Cli(["tokens", "list", "--login", "alice"])).StdoutLines,
            l => l.StartsWith(id + "\t", StringComparison.Ordinal)), StringComparison.Ordinal);

        foreach (var (args, exit) in new (string[], int)[]
                 {
                     (["tokens", "revoke", id], 1), (["tokens", "revoke", "99999"], 1), (["tokens", "revoke", "abc"], 2),
                     (["tokens", "list", "--login", "nobody"], 1),
                 })
        {
            var refused = await Cli(args);
            Assert.True(refused.ExitCode == exit, $"{string.Join(' ', args)}: {refused}");
            Assert.NotEmpty(Lines(refused.Stderr));
        }
    }

    [Theory]
    [InlineData("users --help", new[] { "set-password", "set-role", "deactivate", "activate", "add", "list" })]
    [InlineData("tokens --help", new[] { "create", "list", "revoke" })]
    [InlineData("tickets --help", new[] { "import", "export" })]
    [InlineData("tickets export --help", new[] { "--format", "--output", "--status", "--team", "--from", "--to", "--q" })]
    public async Task TheNewCommandsAreInTheHelp(string command, string[] mentions)
    {
        var result = await CliProcess.RunAsync(command.Split(' '));

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, result.Stdout, StringComparison.Ordinal);
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private Task<CliResult> Cli(string[] args, string? stdin = null) => CliProcess.RunAsync(args, _data, stdin: stdin);

    private HttpClient Bearer(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<Role> RoleOfAsync(string login)
    {
        await using var db = TestDatabase.OpenContext(_data);
        return await db.Users.Where(u => u.Login == login).Select(u => u.Role).SingleAsync();
    }
}
