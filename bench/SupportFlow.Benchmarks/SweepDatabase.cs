using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportFlow.Data;
using SupportFlow.Routing;
using SupportFlow.Server.Hosting;
using SupportFlow.Server.Jobs;
using SupportFlow.Sla;
using SupportFlow.Tickets;
using SupportFlow.Users;

namespace SupportFlow.Benchmarks;

/// <summary>
/// A real SQLite database in a temporary data folder, set up through the server's own services
/// (<see cref="SupportFlowServices.AddSupportFlowCore"/>, migrations, WAL, synchronous=FULL), holding
/// 100,000 open tickets received over the 30 days before <see cref="Now"/>, each in the state the
/// server leaves it: SLA applied at receipt and after every action, and by the sweep up to
/// <c>lastSweepAt</c>. A copy of the file taken right after seeding lets each iteration start over.
/// </summary>
internal sealed class SweepDatabase : IDisposable
{
    public const int TicketCount = 100_000;
    private const int BatchSize = 5_000;
    private const int SeedVersion = 1;

    /// <summary>Wednesday 17 June 2026, 10:00 in Shanghai: working hours, two days before a holiday.</summary>
    public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 6, 17, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private readonly string _folder;
    private readonly ServiceProvider _services;

    private SweepDatabase(string folder, ServiceProvider services, FakeTimeProvider clock)
    {
        _folder = folder;
        _services = services;
        Clock = clock;
        Sweep = ActivatorUtilities.CreateInstance<SlaSweep>(services);
    }

    public FakeTimeProvider Clock { get; }

    public SlaSweep Sweep { get; }

    public IServiceProvider Services => _services;

    private string DatabaseFile => Path.Combine(_folder, "supportflow.db");

    private string PristineFile => Path.Combine(_folder, "pristine.db");

    /// <summary>Creates, migrates and seeds the database; the sweep last ran <paramref name="sinceLastSweep"/> before <see cref="Now"/>.</summary>
    public static async Task<SweepDatabase> CreateAsync(TimeSpan sinceLastSweep)
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportflow-bench-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SupportFlow:DataDirectory"] = folder,
            ["SupportFlow:Organization:TimeZone"] = BenchCalendar.ZoneId,
        }).Build();
        var clock = new FakeTimeProvider(Now);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSupportFlowCore()
            .BuildServiceProvider();
        var database = new SweepDatabase(folder, services, clock);
        try
        {
            var cached = CacheFile(sinceLastSweep);
            var watch = Stopwatch.StartNew();
            if (File.Exists(cached))
            {
                Directory.CreateDirectory(folder);
                File.Copy(cached, database.DatabaseFile);
                await services.MigrateDatabaseAsync();
                Log($"seeded database copied from {cached}");
            }
            else
            {
                await services.MigrateDatabaseAsync();
                await database.SeedAsync(Now - sinceLastSweep);
                Log($"seeded {TicketCount:N0} tickets in {watch.Elapsed.TotalSeconds:F1} s");
            }

            await database.SnapshotAsync();
            CopyToCache(database.PristineFile, cached);
            Log($"{await database.CountDueAsync():N0} tickets due at {Now:u}; database {new FileInfo(database.PristineFile).Length / 1024 / 1024} MB");
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Seeding takes minutes and every benchmark runs in its own process, so a seeded file is kept
    /// in the temp folder, keyed by this code and the exact builds of SupportFlow.Core and .Server
    /// (deterministic builds: a changed source is a new key) and <see cref="SeedVersion"/>, to be
    /// raised with any change to the seeding here. Delete the folder to start over.
    /// </summary>
    private static string CacheFile(TimeSpan sinceLastSweep)
    {
        var builds = string.Join("-",
            new[] { typeof(Ticket), typeof(SlaSweep) }.Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8]));
        return Path.Combine(CacheFolder, $"seed-v{SeedVersion}-{TicketCount}-{(int)sinceLastSweep.TotalMinutes}min-{builds}.db");
    }

    public static string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "supportflow-bench-cache");

    private static void CopyToCache(string file, string cached)
    {
        if (File.Exists(cached))
        {
            return;
        }

        Directory.CreateDirectory(CacheFolder);
        var partial = cached + "." + Guid.NewGuid().ToString("N") + ".partial";
        File.Copy(file, partial);
        File.Move(partial, cached, overwrite: true);
    }

    public static void Log(string message) => Console.WriteLine("// [SupportFlow] " + message);

    /// <summary>Tickets the next sweep will load: SLA event due by <see cref="Now"/>.</summary>
    public async Task<int> CountDueAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().Tickets
            .CountAsync(t => t.SlaNextEventAt <= Now);
    }

    /// <summary>What an admin's calendar change does: every open ticket is due for recomputation.</summary>
    public async Task<int> MarkAllForRecomputeAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await SlaSweep.RecomputeOpenTicketsAsync(
            scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>(), Now, CancellationToken.None);
    }

    /// <summary>
    /// Back to the database as seeded (closes pooled connections first). The first write after the
    /// copy creates the WAL, about 120 ms here, which a running server has long done: one
    /// throw-away write takes that out of the measurement.
    /// </summary>
    public void Restore()
    {
        SqliteConnection.ClearAllPools();
        DeleteSidecars(DatabaseFile);
        File.Copy(PristineFile, DatabaseFile, overwrite: true);
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
        db.Database.ExecuteSqlRaw("""INSERT INTO "TicketDayCounters" ("Day", "LastSerial") VALUES ('warm-up', 0);""");
        db.Database.ExecuteSqlRaw("""DELETE FROM "TicketDayCounters" WHERE "Day" = 'warm-up';""");
    }

    public void Dispose()
    {
        Sweep.Dispose();
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException e)
        {
            Log($"could not delete {_folder}: {e.Message}");
        }
    }

    private static void DeleteSidecars(string file)
    {
        File.Delete(file + "-wal");
        File.Delete(file + "-shm");
    }

    private async Task SnapshotAsync()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().Database
                .ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        File.Copy(DatabaseFile, PristineFile, overwrite: true);
    }

    private async Task SeedAsync(DateTimeOffset lastSweepAt)
    {
        var created = Now.AddDays(-400);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            var team = new Team("Applications");
            var engineer = new User("bench.engineer", "Bench Engineer", Role.Engineer, created);
            engineer.Teams.Add(team);
            db.AddRange(team, new Module("Sales module V3.2", "system", team), engineer);
            db.CalendarWorkingWeek.Add(new StoredWorkingWeek
            {
                Monday = BenchCalendar.Week.Monday,
                Tuesday = BenchCalendar.Week.Tuesday,
                Wednesday = BenchCalendar.Week.Wednesday,
                Thursday = BenchCalendar.Week.Thursday,
                Friday = BenchCalendar.Week.Friday,
            });
            db.CalendarDays.AddRange(BenchCalendar.Days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name)));
            db.SlaEscalations.Add(new StoredSlaEscalation { Name = "department head", AfterBreachMinutes = 120, Notify = "supervisors" });
            await db.SaveChangesAsync();
        }

        var calendar = BenchCalendar.Build();
        IReadOnlyList<SlaEscalation> escalations = [new("department head", TimeSpan.FromHours(2), EscalationTarget.Supervisors)];
        var random = new Random(20260617);
        var serials = new Dictionary<DateOnly, int>();
        for (var first = 0; first < TicketCount; first += BatchSize)
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            var module = await db.Modules.Include(m => m.Team).SingleAsync();
            var engineer = await db.Users.Include(u => u.Teams).SingleAsync();
            var actor = engineer.ToActor();
            var tickets = new List<Ticket>(BatchSize);
            for (var i = first; i < first + BatchSize; i++)
            {
                tickets.Add(NewTicket(i, random, serials, module, engineer, actor, calendar, escalations, lastSweepAt));
            }

            db.Tickets.AddRange(tickets);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            db.TicketDayCounters.AddRange(serials.Select(s => new TicketDayCounter { Day = TicketNumber.CounterKey(s.Key), LastSerial = s.Value }));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// One open ticket. Priorities 5% P1, 15% P2, 50% P3, 30% P4; received at any second of the
    /// last 30 days; 40% still new, the rest assigned 5 min to 8 h after receipt, of which some
    /// started, some with a public update, some pending on the reporter (half of those resumed).
    /// </summary>
    private static Ticket NewTicket(
        int index, Random random, Dictionary<DateOnly, int> serials, Module module, User engineer, Actor actor,
        BusinessCalendar calendar, IReadOnlyList<SlaEscalation> escalations, DateTimeOffset lastSweepAt)
    {
        var receivedAt = Now.AddSeconds(-random.NextInt64(30L * 24 * 3600));
        var roll = random.NextDouble();
        var priority = roll switch { < 0.05 => Priority.P1, < 0.20 => Priority.P2, < 0.70 => Priority.P3, _ => Priority.P4 };
        var day = TicketNumber.DayOf(receivedAt, BenchCalendar.Zone);
        var serial = serials[day] = serials.GetValueOrDefault(day) + 1;
        var occurredAt = receivedAt.AddMinutes(-random.Next(0, 120));
        var intake = new TicketIntake(
            "Benchmark ticket " + index.ToString(CultureInfo.InvariantCulture), "Cannot post an order in the sales module.",
            new DateTimeOffset(occurredAt.Ticks - (occurredAt.Ticks % TimeSpan.TicksPerMinute), occurredAt.Offset), receivedAt,
            "One salesperson", priority, Channel.Phone, new ReporterInfo(null, "Reporter " + index.ToString(CultureInfo.InvariantCulture), "Sales", null, null));
        var ticket = Ticket.Receive(TicketNumber.Format(day, serial), intake, module, actor, receivedAt, SlaPolicy.Defaults[priority]);
        ticket.ApplySla(calendar, escalations, receivedAt);
        var applied = receivedAt;

        // Each action as the API does it: the sweep has recorded what fell due before (if it ran
        // by then), the action applies the SLA again at its own time.
        void Act(DateTimeOffset at, Action action)
        {
            var swept = at < lastSweepAt ? at : lastSweepAt;
            if (swept > applied)
            {
                ticket.ApplySla(calendar, escalations, swept);
            }

            action();
            ticket.ApplySla(calendar, escalations, at);
            applied = at;
        }

        var life = random.NextDouble();
        var at = receivedAt.AddMinutes(random.Next(5, 8 * 60));
        if (life >= 0.4 && at <= Now)
        {
            Act(at, () => ticket.Assign(actor, at, engineer, module.Team!, null));
            if (life >= 0.7 && (at = at.AddMinutes(random.Next(1, 240))) <= Now)
            {
                Act(at, () => ticket.Start(actor, at));
            }

            if (life is >= 0.55 and < 0.85 && (at = at.AddMinutes(random.Next(30, 24 * 60))) <= Now)
            {
                Act(at, () => ticket.PostUpdate(actor, at, "Looking into it."));
            }

            if (life >= 0.9 && (at = at.AddMinutes(random.Next(10, 24 * 60))) <= Now)
            {
                Act(at, () => ticket.Pend(actor, at, PendingReason.Reporter, "Which order number?"));
                if (life >= 0.95 && (at = at.AddMinutes(random.Next(10, 48 * 60))) <= Now)
                {
                    Act(at, () => ticket.Resume(actor, at));
                }
            }
        }

        if (lastSweepAt > applied)
        {
            ticket.ApplySla(calendar, escalations, lastSweepAt);
        }

        return ticket;
    }
}
