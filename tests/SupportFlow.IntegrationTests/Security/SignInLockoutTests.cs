using System.Net;
using System.Text.RegularExpressions;
using SupportFlow.IntegrationTests.Infrastructure;
using SupportFlow.Users;

namespace SupportFlow.IntegrationTests.Security;

/// <summary>
/// Sign-in lockout: parallel guesses cannot get past the lock (issue 20, item 4), and an unknown login
/// is answered and locked exactly as a real one, so the answers do not tell which logins exist (item 12).
/// </summary>
public sealed partial class SignInLockoutTests : IAsyncLifetime
{
    private const string Real = "xiaoming";
    private const string Wrong = "Wrong login or password.";
    private const string Locked = "Too many wrong passwords: sign-in is locked until";
    private readonly SupportFlowApp _app = new();

    public async Task InitializeAsync() => await _app.CreateUserAsync(Real, "engineer");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ThirtyParallelWrongPasswordsGetNoMoreWrongPasswordAnswersThanTheLockAllows()
    {
        // Every client fetches its form first, so the thirty posts arrive together.
        var clients = Enumerable.Range(0, 30).Select(_ => WebSession.Browser(_app)).ToList();
        var forms = await Task.WhenAll(clients.Select(c => c.GetStringAsync("/signin")));
        var answers = await Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
        {
            var response = await c.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["login"] = Real, ["password"] = $"guess-{i}", ["__csrf"] = WebSignIn.Token(forms[i]),
            }));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return Message(await response.Content.ReadAsStringAsync());
        })));

        var wrong = answers.Count(a => a == Wrong);
        Assert.True(wrong < SignInLockout.MaxFailures, $"{wrong} of 30 parallel guesses were told 'wrong password' before the lock");
        Assert.All(answers.Where(a => a != Wrong), a => Assert.StartsWith(Locked, a, StringComparison.Ordinal));

        // Locked: the right password is refused too, until the lock ends.
        Assert.StartsWith(Locked, await AttemptAsync(Real, WebSignIn.Password), StringComparison.Ordinal);
        _app.Clock.Advance(SignInLockout.Duration);
        await SignsInAsync();
    }

    [Fact]
    public async Task AnUnknownLoginGetsTheSameAnswersAndTheSameLockAsARealOne()
    {
        const string unknown = "无此人 nobody";
        for (var attempt = 1; attempt <= SignInLockout.MaxFailures + 1; attempt++)
        {
            var real = await AttemptAsync(Real, "wrong-password");
            var none = await AttemptAsync(unknown, "wrong-password");
            Assert.Equal(real, none);
            Assert.StartsWith(attempt < SignInLockout.MaxFailures ? Wrong : Locked, real, StringComparison.Ordinal);
        }

        // The lock ends at the same time for both.
        _app.Clock.Advance(SignInLockout.Duration);
        Assert.Equal(Wrong, await AttemptAsync(unknown, "wrong-password"));
        await SignsInAsync();
    }

    private async Task SignsInAsync()
    {
        var response = await WebSession.PostSignInAsync(WebSession.Browser(_app), Real, WebSignIn.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    private async Task<string> AttemptAsync(string login, string password)
    {
        var response = await WebSession.PostSignInAsync(WebSession.Browser(_app), login, password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return Message(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page's error message, as the person reads it.</summary>
    private static string Message(string html) => ErrorPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim()
        : throw new InvalidOperationException("The sign-in page shows no error:\n" + html);

    [GeneratedRegex("role=\"alert\">([^<]+)<")]
    private static partial Regex ErrorPattern();
}
