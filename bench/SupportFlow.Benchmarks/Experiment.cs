using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.Data;
using SupportFlow.Server.Sla;
using SupportFlow.Sla;

namespace SupportFlow.Benchmarks;

// TEMPORARY profiling experiment; not committed.
internal static class Experiment
{
    public static async Task RunAsync()
    {
        using var database = await SweepDatabase.CreateAsync(TimeSpan.FromMinutes(1));
        var services = database.Services;

        // The one-minute tick: where do ~300 ms go?
        for (var round = 0; round < 3; round++)
        {
            database.Restore();
            var due = await database.CountDueAsync();
            var w = Stopwatch.StartNew();
            var recorded = await database.Sweep.SweepAsync(CancellationToken.None);
            var sweep = w.Elapsed.TotalMilliseconds;
            w.Restart();
            await database.Sweep.SweepAsync(CancellationToken.None);
            Console.WriteLine($"tick: {due} due, {recorded} events, sweep {sweep:F0} ms; next (nothing due) {w.Elapsed.TotalMilliseconds:F0} ms");
        }

        // Calendar change: phases per ticket over 1,500 tickets, four variants.
        foreach (var variant in new[] { "as-is", "sync=NORMAL", "settings once", "single query load" })
        {
            database.Restore();
            await database.MarkAllForRecomputeAsync();
            List<long> ids;
            await using (var scope = services.CreateAsyncScope())
            {
                ids = await scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>().Tickets
                    .OrderBy(t => t.Id).Select(t => t.Id).Skip(20_000).Take(1_500).ToListAsync();
            }

            BusinessCalendar? sharedCalendar = null;
            IReadOnlyList<SlaEscalation>? sharedEscalations = null;
            double tScope = 0, tSettings = 0, tLoad = 0, tApply = 0, tSave = 0;
            var total = Stopwatch.StartNew();
            var now = SweepDatabase.Now;
            foreach (var id in ids)
            {
                var sw = Stopwatch.StartNew();
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
                var settings = scope.ServiceProvider.GetRequiredService<SlaSettings>();
                if (variant == "sync=NORMAL")
                {
                    await db.Database.OpenConnectionAsync();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;");
                }

                tScope += sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                BusinessCalendar cal;
                IReadOnlyList<SlaEscalation> esc;
                if (variant == "settings once" && sharedCalendar is not null)
                {
                    cal = sharedCalendar;
                    esc = sharedEscalations!;
                }
                else
                {
                    cal = sharedCalendar = await settings.CalendarAsync(default);
                    esc = sharedEscalations = await settings.EscalationsAsync(default);
                }

                tSettings += sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var query = db.Tickets.Include(t => t.ClockIntervals).Include(t => t.SlaEvents);
                var ticket = variant == "single query load"
                    ? await query.AsSingleQuery().SingleAsync(t => t.Id == id)
                    : await query.AsSplitQuery().SingleAsync(t => t.Id == id);
                tLoad += sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                ticket.ApplySla(cal, esc, now);
                tApply += sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                await db.SaveChangesAsync();
                tSave += sw.Elapsed.TotalMilliseconds;
            }

            var n = ids.Count;
            Console.WriteLine($"{variant,-18} per ticket (ms): total {total.Elapsed.TotalMilliseconds / n:F3} | scope {tScope / n:F3} | settings {tSettings / n:F3} | load {tLoad / n:F3} | apply {tApply / n:F3} | save {tSave / n:F3}");
        }
    }
}
