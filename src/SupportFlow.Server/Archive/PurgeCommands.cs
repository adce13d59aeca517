using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Server.Cli;

namespace SupportFlow.Server.Archive;

/// <summary><c>purge --before YYYY-MM [--dry-run]</c> and <c>purge list</c>.</summary>
public static class PurgeCommands
{
    public static Command Purge()
    {
        var before = ArchiveCommands.MonthOption("Remove closed tickets received before this month.", "--before");
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and count, remove nothing." };
        var purge = new Command("purge", "Remove closed tickets older than the retention period whose month's archive verifies; recorded for audit.")
        {
            before, dryRun, List(),
        };
        purge.TreatUnmatchedTokensAsErrors = false;
        purge.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var month = ArchiveCommands.ParseMonth(result.GetValue(before), "--before");
            var done = await services.GetRequiredService<TicketPurge>()
                .PurgeAsync(month, $"cli:{Environment.UserName}", result.GetValue(dryRun), token);
            var r = done.Record;
            Console.WriteLine(done.DryRun
                ? $"Would purge {r.Tickets} tickets received before {r.Before} (months {r.Months}); nothing removed."
                : $"Purged {r.Tickets} tickets ({r.HistoryLines} history lines, {r.Attachments} attachments) received before {r.Before}, months {r.Months}.");
            return 0;
        }, ct));
        return purge;
    }

    private static Command List()
    {
        var list = new Command("list", "List past purges: when, who, which months, how much.") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var db = services.GetRequiredService<SupportFlowDbContext>();
            foreach (var p in await db.PurgeRecords.AsNoTracking().OrderBy(p => p.Id).ToListAsync(token))
            {
                Console.WriteLine($"{p.At:u}\t{p.By}\tbefore {p.Before}\t{p.Months}\t{p.Tickets} tickets\t{p.HistoryLines} history lines\t{p.Attachments} attachments");
            }

            return 0;
        }, ct));
        return list;
    }
}
