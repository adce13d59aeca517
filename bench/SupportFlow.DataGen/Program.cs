using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.DataGen;
using SupportFlow.Server.Hosting;
using SupportFlow.Server.Sla;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const string Usage = """
    SupportFlow.DataGen: fills a new SupportFlow database with realistic tickets, straight into the database.

      --data-directory DIR       the server's data folder (SQLite: DIR/supportflow.db)      required
      --provider sqlite          the database provider (SupportFlow:Database:Provider)       default sqlite
      --connection CS            ConnectionStrings:SupportFlow                                optional
      --tickets N                tickets to write, up to 1,000,000                            default 100000
      --seed N                   random seed (the same seed writes the same data)             default 1
      --time-zone ZONE           the organisation's zone                                      default Asia/Shanghai
      --until TIME               tickets are received before this ISO time ("now" for their ages)  default now
      --days N                   ... spread over this many days before it                     default ~1,500 tickets a day

    The database must be new (no tickets). Writes teams, modules, engineers, reporters, tickets with
    their histories, work notes, updates, clock intervals, SLA events and search documents.
    """;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

if (args.Length == 0 || args.Length % 2 != 0 || !options.TryGetValue("data-directory", out var dataDirectory))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var tickets = int.Parse(options.GetValueOrDefault("tickets", "100000"), CultureInfo.InvariantCulture);
if (tickets is < 1 or > 1_000_000)
{
    Console.Error.WriteLine("--tickets is 1 to 1000000");
    return 2;
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["SupportFlow:DataDirectory"] = dataDirectory,
    ["SupportFlow:Database:Provider"] = options.GetValueOrDefault("provider", "sqlite"),
    ["ConnectionStrings:SupportFlow"] = options.GetValueOrDefault("connection"),
    ["SupportFlow:Organization:TimeZone"] = options.GetValueOrDefault("time-zone", "Asia/Shanghai"),
}).Build();
await using var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging()
    .AddSupportFlowCore()
    .BuildServiceProvider();
await services.MigrateDatabaseAsync();

var clock = Stopwatch.StartNew();
await using var scope = services.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
if (await db.Tickets.AnyAsync())
{
    Console.Error.WriteLine("The database already holds tickets: give a new data directory.");
    return 1;
}

var sla = scope.ServiceProvider.GetRequiredService<SlaSettings>();
var org = scope.ServiceProvider.GetRequiredService<OrganizationTime>();
var desk = await DeskPeople.CreateAsync(db, DateTimeOffset.UtcNow.AddYears(-3));
Console.WriteLine($"desk: {desk.Teams.Count} teams, {desk.Modules.Count} modules, {desk.Engineers.Count} engineers, {desk.Reporters.Count} reporters");

var writer = new TicketWriter(db, desk, await sla.CalendarAsync(CancellationToken.None), await sla.EscalationsAsync(CancellationToken.None),
    await sla.PoliciesAsync(CancellationToken.None), org.Zone, int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture));
var until = options.TryGetValue("until", out var untilText)
    ? DateTimeOffset.Parse(untilText, CultureInfo.InvariantCulture).ToUniversalTime()
    : DateTimeOffset.UtcNow;
double? days = options.TryGetValue("days", out var daysText) ? double.Parse(daysText, CultureInfo.InvariantCulture) : null;
await writer.WriteAsync(tickets, until, progress => Console.WriteLine(
    $"{progress.Tickets:N0} tickets, {progress.Rows:N0} rows, {clock.Elapsed.TotalSeconds:F0} s"), days);
Console.WriteLine($"done: {tickets:N0} tickets in {clock.Elapsed.TotalSeconds:F0} s; {writer.Summary}");
return 0;
