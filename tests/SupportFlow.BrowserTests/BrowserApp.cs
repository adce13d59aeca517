using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Users;
using SupportFlow.Testing;

namespace SupportFlow.BrowserTests;

/// <summary>
/// The real server on a real port (Kestrel, port chosen by the OS) so Chromium can reach it,
/// on a fresh SQLite data folder, with the clock held at Wednesday 20 May 2026 14:30 in Shanghai.
/// Its desk is named in Chinese like its first users' (the Chinese screenshots show it), with an
/// English module for the English walk. Disposing it fails the suite when the server logged an
/// unhandled exception.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 5, 20, 6, 30, 0, TimeSpan.Zero);

    public const string Password = "correct-horse-1";
    public const string SystemsTeam = "系统组";
    public const string SalesModule = "销售模块V3.2";
    public const string EnglishSalesModule = "Sales module V3.2";
    public const string Printer = "会议室A打印机 Printer & Scanner";
    public const string ItDepartment = "信息部";
    public const string SalesDepartment = "销售部";
    public const string FinanceDepartment = "财务部";
    public const string SupervisorName = "李娜";
    public const string EngineerName = "张伟";
    public const string AliceName = "陈丽 Alice Chen";
    public const string BobName = "吴波 / Bob Wu";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "supportflow-browser", Guid.NewGuid().ToString("N"));

    public BrowserApp()
    {
        UseKestrel(0);
        StartServer();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Errors with an exception that the server logged so far.</summary>
    public LoggedFailures Failures { get; } = new();

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SupportFlow:DataDirectory", _dataDirectory);
        builder.UseSetting("SupportFlow:Organization:TimeZone", "Asia/Shanghai");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Failures));
    }

    /// <summary>An admin, a supervisor and an engineer of team 系统组 (responsible for every module), reporters alice and bob.</summary>
    public async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        foreach (var (login, name, role, department) in new[]
                 {
                     ("admin", "Admin", "admin", ItDepartment), ("sup1", SupervisorName, "supervisor", ItDepartment),
                     ("eng1", EngineerName, "engineer", ItDepartment), ("alice", AliceName, "reporter", SalesDepartment),
                     ("bob", BobName, "reporter", FinanceDepartment),
                 })
        {
            await users.CreateAsync(new UserRequest(login, name, role, department, null, $"{login}@example.com", null, Password),
                CancellationToken.None);
        }

        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        var systems = new Team(SystemsTeam);
        systems.Members.AddRange(await db.Users.Where(u => u.Login == "eng1" || u.Login == "sup1").ToListAsync());
        db.Teams.Add(systems);
        db.Modules.Add(new Module(SalesModule, "system", systems));
        db.Modules.Add(new Module(EnglishSalesModule, "system", systems));
        db.Modules.Add(new Module(Printer, "hardware", systems));
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
        DeleteDataDirectory();
        Failures.ThrowIfUnexpected(); // stopped first: failures logged while stopping count too
    }

    private void DeleteDataDirectory()
    {
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
