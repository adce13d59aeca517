using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Users;

namespace SupportFlow.IntegrationTests.Users;

/// <summary><c>/api/me</c>, personal tokens, and how passwords and tokens are kept in the database.</summary>
public sealed class MeAndSecretsTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    public static TheoryData<string, string, string> EveryRole => new()
    {
        { "admin", "admin", "Admin" },
        { "sup1", "supervisor", Desk.SupervisorName },
        { "eng1", "engineer", Desk.EngineerName },
        { "alice", "reporter", Desk.AliceName },
    };

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task AnyoneSignedInReadsTheirOwnProfile(string login, string role, string name)
    {
        var client = await _desk.App.ClientForAsync(login);

        var me = await (await client.GetAsync("/api/me")).Json(HttpStatusCode.OK);

        Assert.Equal((login, role, name), (me["login"]!.GetValue<string>(), me["role"]!.GetValue<string>(), me["name"]!.GetValue<string>()));
        Assert.DoesNotContain(me, p => p.Key.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AReporterSeesTheirDepartmentAndContactOnTheirProfile()
    {
        var me = await (await _desk.Alice.GetAsync("/api/me")).Json(HttpStatusCode.OK);

        Assert.Equal((Desk.SalesDepartment, "alice@example.com", "1001"),
            (me["department"]!.GetValue<string>(), me["email"]!.GetValue<string>(), me["phone"]!.GetValue<string>()));
        Assert.Empty(me["teams"]!.AsArray());
    }

    [Fact]
    public async Task AUserCreatesTheirOwnTokenWhichWorksAndIsShownOnce()
    {
        var response = await _desk.Bob.PostAsJsonAsync("/api/me/tokens", new { name = "my script" });

        var created = await response.Json(HttpStatusCode.Created);
        var secret = created["token"]!.GetValue<string>();
        Assert.StartsWith("sf_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40, secret);
        Assert.Equal(("bob", "my script"), (created["login"]!.GetValue<string>(), created["name"]!.GetValue<string>()));

        using var client = _desk.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await client.GetAsync("/api/me");
        var text = await me.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"login\":\"bob\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var users = await (await _desk.Admin.GetAsync("/api/users")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, users, StringComparison.Ordinal);

        var second = await (await _desk.Bob.PostAsJsonAsync("/api/me/tokens", new { })).Json(HttpStatusCode.Created);
        Assert.NotEqual(secret, second["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATokenCanBeCreatedWithoutABodyAndATooLongNameIsRefused()
    {
        var created = await (await _desk.Bob.PostAsync("/api/me/tokens", null)).Json(HttpStatusCode.Created);
        Assert.StartsWith("sf_", created["token"]!.GetValue<string>(), StringComparison.Ordinal);

        await (await _desk.Bob.PostAsJsonAsync("/api/me/tokens", new { name = new string('n', 101) })).FieldError("name");
    }

    [Fact]
    public async Task ATokenDoesNotWorkWithOneCharacterChanged()
    {
        var secret = (await (await _desk.Bob.PostAsJsonAsync("/api/me/tokens", new { })).Json(HttpStatusCode.Created))["token"]!
            .GetValue<string>();
        var tampered = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

        using var client = _desk.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);

        await (await client.GetAsync("/api/me")).Json(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WithoutATokenThereIsNoProfileAndNoNewToken()
    {
        using var anonymous = _desk.App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/me/tokens", new { })).StatusCode);
    }

    [Fact]
    public async Task PasswordsAreStoredAsIdentityV3HashesThatVerify()
    {
        const string password = "correct horse battery staple";
        (await _desk.Admin.PostAsJsonAsync("/api/users", new { login = "pat", name = "Pat", role = "engineer", password }))
            .EnsureSuccessStatusCode();

        await using var scope = _desk.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Login == "pat");

        Assert.NotNull(user.PasswordHash);
        Assert.NotEqual(password, user.PasswordHash);
        Assert.DoesNotContain(password, user.PasswordHash, StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(user.PasswordHash);
        Assert.Equal(0x01, bytes[0]); // ASP.NET Core Identity v3: PBKDF2 with a random salt
        Assert.True(bytes.Length > 40);
        var hasher = new PasswordHasher<User>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash, password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash, password + "!"));
    }

    [Fact]
    public async Task TheSamePasswordHashesDifferentlyForTwoUsers()
    {
        const string password = "same-password-twice";
        foreach (var login in new[] { "quinn", "rita" })
        {
            (await _desk.Admin.PostAsJsonAsync("/api/users", new { login, name = login, role = "reporter", password }))
                .EnsureSuccessStatusCode();
        }

        await using var scope = _desk.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var hashes = await db.Users.Where(u => u.Login == "quinn" || u.Login == "rita").Select(u => u.PasswordHash).ToListAsync();

        Assert.Equal(2, hashes.Distinct().Count());
    }

    [Fact]
    public async Task ChangingAPasswordReplacesItsHash()
    {
        (await _desk.Admin.PostAsJsonAsync("/api/users", new { login = "sam", name = "Sam", role = "reporter", password = "first-password" }))
            .EnsureSuccessStatusCode();
        var before = await PasswordHashOf("sam");

        await (await _desk.Admin.PutAsJsonAsync("/api/users/sam", new { password = "second-password" })).Json(HttpStatusCode.OK);
        await (await _desk.Admin.PutAsJsonAsync("/api/users/sam", new { password = "2short" })).FieldError("password");

        var after = await PasswordHashOf("sam");
        Assert.NotEqual(before, after);
        var hasher = new PasswordHasher<User>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new User("sam", "Sam", Role.Reporter, DateTimeOffset.UnixEpoch), after!, "second-password"));
    }

    [Fact]
    public async Task TokensAreStoredOnlyAsHashes()
    {
        var secret = (await (await _desk.Alice.PostAsJsonAsync("/api/me/tokens", new { name = "hash check" })).Json(HttpStatusCode.Created))
            ["token"]!.GetValue<string>();

        await using var scope = _desk.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var tokens = await db.ApiTokens.AsNoTracking().ToListAsync();

        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.DoesNotContain(secret, t.Hash, StringComparison.Ordinal));
        Assert.All(tokens, t => Assert.DoesNotContain("sf_", t.Hash, StringComparison.Ordinal));
        var stored = Assert.Single(tokens, t => t.Name == "hash check");
        Assert.NotEqual(secret, stored.Hash);
        Assert.Equal(64, stored.Hash.Length);
    }

    private async Task<string?> PasswordHashOf(string login)
    {
        await using var scope = _desk.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        return await db.Users.Where(u => u.Login == login).Select(u => u.PasswordHash).SingleAsync();
    }
}
