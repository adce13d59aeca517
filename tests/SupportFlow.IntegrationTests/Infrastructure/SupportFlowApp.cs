using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SupportFlow.Server.Users;
using SupportFlow.Testing;

namespace SupportFlow.IntegrationTests.Infrastructure;

/// <summary>
/// The real server over HTTP, on a real database (a SQLite file in a fresh data folder, or its own
/// PostgreSQL database: <see cref="TestDatabase"/>), with the clock under the test's control and
/// the organisation in Asia/Shanghai. Disposing it fails the test when the server logged an
/// unhandled exception (a 500, a job that threw) that the test did not declare with
/// <see cref="ExpectLoggedFailure"/>.
/// </summary>
public sealed class SupportFlowApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 5, 20, 6, 30, 0, TimeSpan.Zero); // 14:30 in Shanghai

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public SupportFlowApp(string? dataDirectory = null, FakeTimeProvider? clock = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "supportflow-tests", Guid.NewGuid().ToString("N"));
        Clock = clock ?? new FakeTimeProvider(Start);
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Errors with an exception that the server logged so far.</summary>
    public LoggedFailures Failures { get; } = new();

    /// <summary>
    /// Declares a logged failure this test provokes on purpose (a mail server that is down, a
    /// webhook that answers 500): entries whose category, message or exception contain
    /// <paramref name="part"/> do not fail the test.
    /// </summary>
    public void ExpectLoggedFailure(string part) => Failures.Expect(part);

    /// <summary>Extra settings for one test (e.g. a smaller attachment limit).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra service configuration for one test (e.g. the form reader's limits), applied after the server's own.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        TestDatabase.PrepareSqlite(DataDirectory);
        builder.UseSetting("SupportFlow:DataDirectory", DataDirectory);
        builder.UseSetting("SupportFlow:Organization:TimeZone", "Asia/Shanghai");
        // Tests deliver the outbox by calling OutboxDelivery.SweepAsync themselves, on the fake clock.
        builder.UseSetting("SupportFlow:Notifications:Deliver", "false");
        foreach (var (key, value) in TestDatabase.SettingsFor(DataDirectory).Concat(Settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        if (ConfigureTestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Failures));
    }

    /// <summary>A client authenticated with a fresh personal token of the given user.</summary>
    public async Task<HttpClient> ClientForAsync(string login)
    {
        if (!_tokens.TryGetValue(login, out var token))
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            _tokens[login] = token = (await users.CreateTokenAsync(login, "tests", CancellationToken.None)).Token;
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task CreateUserAsync(string login, string role, string? department = null, string[]? teams = null,
        string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await users.CreateAsync(new UserRequest(login, Capitalize(login), role, department, teams, email, null, "secret-password"),
            CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync(); // stops the host first: failures logged while stopping count too
        Failures.ThrowIfUnexpected();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TestDatabase.ReleaseConnections(DataDirectory);
        }
    }

    private static string Capitalize(string login) => char.ToUpperInvariant(login[0]) + login[1..];
}
