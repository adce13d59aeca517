using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Users;

namespace SupportFlow.IntegrationTests.Cli;

/// <summary>A data folder in which <c>users add --login ops ... --role admin</c> has already run once.</summary>
public sealed class OpsDataFolder : IAsyncLifetime
{
    public const string Password = "longpassword";

    public string Path { get; } = CliProcess.NewFolder("data");

    public CliResult Added { get; private set; } = null!;

    public async Task InitializeAsync() => Added = await CliProcess.RunAsync(
        ["users", "add", "--login", "ops", "--name", "Ops", "--role", "admin", "--password", Password, "--department", Desk.ItDepartment], Path);

    public Task DisposeAsync()
    {
        TestDatabase.ReleaseConnections(Path);
        CliProcess.DeleteQuietly(Path);
        return Task.CompletedTask;
    }
}

/// <summary><c>users add</c> and <c>tokens create</c>, run as the real executable against a data folder.</summary>
public sealed class CliUserCommandsTests(OpsDataFolder folder) : IClassFixture<OpsDataFolder>
{
    [Fact]
    public void UsersAddCreatesTheUserAndExitsZero()
    {
        Assert.True(folder.Added.ExitCode == 0, folder.Added.ToString());
        Assert.Contains("ops", folder.Added.Stdout, StringComparison.Ordinal);
        Assert.Equal("", folder.Added.Stderr.Trim());
        Assert.Equal(1, CliProcess.CountUsers(folder.Path, "ops"));
    }

    [Fact]
    public async Task TokensCreatePrintsTheTokenAloneOnTheLastLineAndItWorksAgainstTheServer()
    {
        var result = await CliProcess.RunAsync(["tokens", "create", "--login", "ops", "--name", "deploy script"], folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var token = result.StdoutLines[^1];
        Assert.StartsWith("sf_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(' ', token);
        Assert.True(token.Length >= 40, token);
        Assert.Equal(token, result.Stdout.TrimEnd('\n').Split('\n')[^1]);

        using var app = new SupportFlowApp(dataDirectory: folder.Path);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await (await client.GetAsync("/api/me")).Json(HttpStatusCode.OK);
        Assert.Equal(("ops", "admin", Desk.ItDepartment),
            (me["login"]!.GetValue<string>(), me["role"]!.GetValue<string>(), me["department"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Login == "ops");
        Assert.NotEqual(OpsDataFolder.Password, user.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash!, OpsDataFolder.Password));
        var hashes = await db.ApiTokens.Where(t => t.UserId == user.Id).Select(t => t.Hash).ToListAsync();
        Assert.NotEmpty(hashes);
        Assert.DoesNotContain(token, hashes);
        Assert.Contains(ApiToken.HashOf(token), hashes);
    }

    [Fact]
    public async Task UsersAddWithBadInputExitsTwoNamesEveryBadFieldAndCreatesNothing()
    {
        var result = await CliProcess.RunAsync(
            ["users", "add", "--login", "Bad Login", "--name", "X", "--role", "god", "--email", "nope", "--password", "short"],
            folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        foreach (var field in new[] { "role:", "login:", "email:", "password:" })
        {
            Assert.Contains(field, result.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("god", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Created", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliProcess.CountUsers(folder.Path, "bad login"));
    }

    [Fact]
    public async Task UsersAddWithoutARequiredOptionExitsTwoAndNamesIt()
    {
        var result = await CliProcess.RunAsync(["users", "add", "--login", "norole", "--name", "No Role"], folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--role", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAddWithATakenLoginExitsOne()
    {
        var result = await CliProcess.RunAsync(["users", "add", "--login", "OPS", "--name", "Other", "--role", "reporter"], folder.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("ops", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, CliProcess.CountUsers(folder.Path, "ops"));
    }

    [Fact]
    public async Task TokensCreateForAnUnknownLoginExitsOneAndPrintsNoToken()
    {
        var result = await CliProcess.RunAsync(["tokens", "create", "--login", "nobody"], folder.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("nobody", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sf_", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Issue 20, item 13: an admin binds a chat sender to a user from the command line too.</summary>
    [Fact]
    public async Task UsersBindChatBindsASenderOfAChannelAndRefusesAnUnknownChannel()
    {
        var created = await CliProcess.RunAsync(["tokens", "create", "--login", "ops", "--name", "chat 绑定"], folder.Path);
        Assert.True(created.ExitCode == 0, created.ToString());
        using (var app = new SupportFlowApp(dataDirectory: folder.Path))
        using (var admin = app.CreateClient())
        {
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.StdoutLines[^1]);
            (await admin.PostAsJsonAsync("/api/modules", new { name = "会议室A打印机 Printer & Scanner", category = "hardware" }))
                .EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync("/api/chat-channels", new
            {
                name = "钉钉 IT群", platform = "dingTalk", secret = "SECcli", module = "会议室A打印机 Printer & Scanner",
            })).EnsureSuccessStatusCode();
        }

        var unknown = await CliProcess.RunAsync(["users", "bind-chat", "--login", "ops", "--channel", "nope", "--sender-id", "0101"], folder.Path);
        var bound = await CliProcess.RunAsync(["users", "bind-chat", "--login", "ops", "--channel", "钉钉 IT群", "--sender-id", "0101"], folder.Path);

        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("channel", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(bound.ExitCode == 0, bound.ToString());
        Assert.Contains("'0101'", bound.Stdout, StringComparison.Ordinal);
        using var server = new SupportFlowApp(dataDirectory: folder.Path);
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.StdoutLines[^1]);
        var list = await (await client.GetAsync("/api/users/ops/chat-identities")).JsonArray();
        Assert.Equal(("钉钉 IT群", "0101"), (list.Single()!["channel"]!.GetValue<string>(), list.Single()!["senderId"]!.GetValue<string>()));
    }
}
