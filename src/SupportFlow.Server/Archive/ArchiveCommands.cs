using System.CommandLine;
using SupportFlow.Archive;
using SupportFlow.Server.Cli;

namespace SupportFlow.Server.Archive;

/// <summary><c>archive --month YYYY-MM</c> and <c>archive verify --month YYYY-MM</c>.</summary>
public static class ArchiveCommands
{
    public static Command Archive()
    {
        var month = MonthOption("The month to archive (tickets received then, in the organisation's time zone).");
        var takeOver = new Option<bool>("--take-over")
        {
            Description = "Take the month over from a run that still holds its claim (a run that was killed lets go by itself within "
                          + "a few minutes). The other run, if it is still alive, stops without recording its archive.",
        };
        var archive = new Command("archive", "Write archive/YYYY-MM/: tickets as CSV, XLSX and JSON Lines with history, attachments, manifest.json. Re-running replaces it atomically. "
                                             + "A month that has not ended yet gets a provisional archive, written again by the scheduled job after month end.")
        {
            month, takeOver, Verify(),
        };
        archive.TreatUnmatchedTokensAsErrors = false;
        archive.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var target = ParseMonth(result.GetValue(month));
            var runner = services.GetRequiredService<ArchiveRunner>();
            var written = await runner.RunAsync(target, ArchiveClaims.ThisProcess("cli"), again: true,
                CliProgressBar.ForTerminal($"Archiving {target}"), token, takeOver: result.GetValue(takeOver));
            if (written is null)
            {
                await Console.Error.WriteLineAsync(await runner.BusyMessageAsync(target, token));
                return 1;
            }

            Console.WriteLine($"Archived {written.Manifest.Tickets} tickets of {target} ({written.Manifest.HistoryLines} history lines, "
                              + $"{written.Manifest.Attachments} attachments) to {written.Folder}"
                              + (written.Provisional ? $"; provisional: {target} has not ended, the scheduled archive after month end replaces it" : ""));
            return 0;
        }, ct));
        return archive;
    }

    private static Command Verify()
    {
        var month = MonthOption("The month whose archive to check.");
        var verify = new Command("verify", "Check every file of archive/YYYY-MM/ against manifest.json (exit 1 naming each file that differs).")
        {
            month,
        };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((result, ct) => CliCommands.WithServices(result, async (services, _) =>
        {
            var target = ParseMonth(result.GetValue(month));
            var folders = services.GetRequiredService<MonthlyArchive>().Folders;
            var problems = folders.Verify(target, out var manifest);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            if (problems.Count > 0)
            {
                await Console.Error.WriteLineAsync($"The archive of {target} does NOT verify.");
                return 1;
            }

            Console.WriteLine($"The archive of {target} verifies: {manifest!.Files.Count} files, {manifest.Tickets} tickets.");
            return 0;
        }, ct));
        return verify;
    }

    internal static Option<string> MonthOption(string description, string name = "--month") =>
        new(name) { Description = description + " Format YYYY-MM.", Required = true };

    /// <summary>A month from the command line, or invalid input (exit 2) naming the option.</summary>
    internal static ArchiveMonth ParseMonth(string? text, string option = "--month") =>
        ArchiveMonth.TryParse(text?.Trim(), out var month)
            ? month
            : throw new Common.RequestValidationException(option, "'{0}' is not a month: use YYYY-MM, e.g. {1}.", text, "2026-05");
}
