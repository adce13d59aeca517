using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Users;

namespace SupportFlow.BrowserTests;

/// <summary>
/// The real server on a real port (Kestrel, port chosen by the OS) so Chromium can reach it,
/// on a fresh SQLite data folder, with the clock held at Wednesday 20 May 2026 14:30 in Shanghai.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 5, 20, 6, 30, 0, TimeSpan.Zero);

    public const string Password = "correct-horse-1";
    public const string SalesModule = "Sales module V3.2";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "supportflow-browser", Guid.NewGuid().ToString("N"));

    public BrowserApp()
    {
        UseKestrel(0);
        StartServer();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SupportFlow:DataDirectory", _dataDirectory);
        builder.UseSetting("SupportFlow:Organization:TimeZone", "Asia/Shanghai");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>An admin, a supervisor and an engineer of team Systems (responsible for the sales module), reporters alice and bob.</summary>
    public async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        foreach (var (login, name, role, department) in new[]
                 {
                     ("admin", "Admin", "admin", "IT"), ("sup1", "李主管", "supervisor", "IT"), ("eng1", "王工", "engineer", "IT"),
                     ("alice", "Alice Chen", "reporter", "Sales"), ("bob", "Bob Wu", "reporter", "Finance"),
                 })
        {
            await users.CreateAsync(new UserRequest(login, name, role, department, null, $"{login}@example.com", null, Password),
                CancellationToken.None);
        }

        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var systems = new Team("Systems");
        systems.Members.AddRange(await db.Users.Where(u => u.Login == "eng1" || u.Login == "sup1").ToListAsync());
        db.Teams.Add(systems);
        db.Modules.Add(new Module(SalesModule, "system", systems));
        db.Modules.Add(new Module("Meeting room A printer", "hardware", systems));
        await db.SaveChangesAsync();
    }

    public async Task<int> TicketCountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().Tickets.CountAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temp folder is cleaned by the system
        }
    }
}
