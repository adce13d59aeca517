using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.Server.Sla;
using SupportFlow.Sla;

namespace SupportFlow.Benchmarks;

/// <summary>
/// Not a benchmark: a Stopwatch breakdown of where one ticket's time goes in the SLA sweep
/// (<c>--profile-sweep</c>). It repeats the steps of <c>SlaSweep.ApplyOneAsync</c> over 1,500
/// tickets marked for recomputation, as is and with one thing changed at a time, to show which
/// change would pay. Rough figures; the benchmarks are the measurement.
/// </summary>
internal static class SweepProfile
{
    private const int Tickets = 1_500;

    private enum Variant
    {
        AsIs,
        SynchronousNormal,
        SettingsOncePerSweep,
        SingleQueryLoad,
    }

    public static async Task RunAsync()
    {
        using var database = await SweepDatabase.CreateAsync(TimeSpan.FromMinutes(1));
        for (var round = 1; round <= 3; round++)
        {
            database.Restore();
            var due = await database.CountDueAsync();
            var watch = Stopwatch.StartNew();
            var recorded = await database.Sweep.SweepAsync(CancellationToken.None);
            var tick = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await database.Sweep.SweepAsync(CancellationToken.None);
            Console.WriteLine($"one-minute tick {round}: {due} tickets due, {recorded} events, {tick:F0} ms; the next sweep (nothing due) {watch.Elapsed.TotalMilliseconds:F0} ms");
        }

        foreach (var variant in Enum.GetValues<Variant>())
        {
            await ProfileAsync(database, variant);
        }
    }

    private static async Task ProfileAsync(SweepDatabase database, Variant variant)
    {
        database.Restore();
        await database.MarkAllForRecomputeAsync();
        List<long> ids;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            ids = await scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().Tickets
                .OrderBy(t => t.Id).Select(t => t.Id).Skip(20_000).Take(Tickets).ToListAsync();
        }

        BusinessCalendar? calendar = null;
        IReadOnlyList<SlaEscalation>? escalations = null;
        double scopeTime = 0, settingsTime = 0, loadTime = 0, applyTime = 0, saveTime = 0;
        var total = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = database.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            var settings = scope.ServiceProvider.GetRequiredService<SlaSettings>();
            if (variant == Variant.SynchronousNormal)
            {
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;");
            }

            scopeTime += Lap(watch);
            if (variant != Variant.SettingsOncePerSweep || calendar is null)
            {
                calendar = await settings.CalendarAsync(CancellationToken.None);
                escalations = await settings.EscalationsAsync(CancellationToken.None);
            }

            settingsTime += Lap(watch);
            var query = db.Tickets.Include(t => t.ClockIntervals).Include(t => t.SlaEvents);
            var ticket = variant == Variant.SingleQueryLoad
                ? await query.AsSingleQuery().SingleAsync(t => t.Id == id)
                : await query.AsSplitQuery().SingleAsync(t => t.Id == id);
            loadTime += Lap(watch);
            ticket.ApplySla(calendar, escalations!, SweepDatabase.Now);
            applyTime += Lap(watch);
            await db.SaveChangesAsync();
            saveTime += Lap(watch);
        }

        double n = ids.Count;
        Console.WriteLine(
            $"{variant,-20} ms per ticket: total {total.Elapsed.TotalMilliseconds / n:F2} | scope {scopeTime / n:F2} | " +
            $"calendar+escalations {settingsTime / n:F2} | load {loadTime / n:F2} | ApplySla {applyTime / n:F3} | save {saveTime / n:F2}");
    }

    private static double Lap(Stopwatch watch)
    {
        var elapsed = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        return elapsed;
    }
}
