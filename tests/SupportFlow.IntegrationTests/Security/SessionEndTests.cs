using System.Net.Http.Json;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Security;

/// <summary>
/// A saved session cookie stops working once its session ended: after signing out, after a password
/// change, after deactivation (also once reactivated). API tokens are not sessions: they live until
/// revoked (deactivation revokes them) (issue 20, item 6).
/// </summary>
public sealed class SessionEndTests : IAsyncLifetime
{
    private const string Login = "xiaoming";
    private readonly SupportFlowApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await _app.CreateUserAsync("admin", "admin");
        await _app.CreateUserAsync(Login, "engineer");
        _admin = await _app.ClientForAsync("admin");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ASavedCookieDoesNotWorkAfterSigningOut()
    {
        var browser = new WebSession(_app);
        var saved = await browser.SignInAsync(Login);
        Assert.True(await browser.StillWorksAsync(saved));

        await browser.SignOutAsync();

        Assert.False(await browser.StillWorksAsync(saved), "the cookie saved before signing out still opens pages");
    }

    [Fact]
    public async Task APasswordChangeEndsEverySessionOfThatUserButNotTheirApiToken()
    {
        var office = await new WebSession(_app).SignInAsync(Login);
        var home = await new WebSession(_app).SignInAsync(Login);
        var token = await _app.ClientForAsync(Login);

        (await _admin.PutAsJsonAsync($"/api/users/{Login}", new { password = "新的密码 new-password-2026" })).EnsureSuccessStatusCode();

        var check = new WebSession(_app);
        Assert.False(await check.StillWorksAsync(office), "a session from before the password change still works");
        Assert.False(await check.StillWorksAsync(home), "a session from before the password change still works");
        var renewed = await check.SignInAsync(Login, "新的密码 new-password-2026");
        Assert.True(await check.StillWorksAsync(renewed));
        (await token.GetAsync("/api/me")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ASessionFromBeforeADeactivationStaysDeadAfterReactivation()
    {
        var browser = new WebSession(_app);
        var saved = await browser.SignInAsync(Login);

        (await _admin.DeleteAsync($"/api/users/{Login}")).EnsureSuccessStatusCode();
        Assert.False(await browser.StillWorksAsync(saved));
        (await _admin.PutAsJsonAsync($"/api/users/{Login}", new { active = true })).EnsureSuccessStatusCode();

        Assert.False(await browser.StillWorksAsync(saved), "the cookie saved before the deactivation works again after reactivation");
        Assert.True(await browser.StillWorksAsync(await browser.SignInAsync(Login)));
    }
}
