using System.CommandLine;
using SupportFlow.Server.Cli;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary><c>tickets import --file x.csv [--map column=field ...] [--dry-run]</c>.</summary>
public static class TicketCommands
{
    public static Command Tickets()
    {
        var file = new Option<FileInfo>("--file") { Description = "The CSV file (UTF-8; the first line names the columns).", Required = true };
        var map = new Option<string[]>("--map")
        {
            Description = "column=field, e.g. 问题描述=description; fields: " + string.Join(", ", SupportFlow.Tickets.ImportMapping.Fields) + ".",
            AllowMultipleArgumentsPerToken = true,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report; write nothing." };
        var import = new Command("import", "Record tickets from a CSV file, one per row; nothing is written when any row is bad.")
        {
            file, map, dryRun,
        };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"--file: {path.FullName} does not exist.");
                return 2;
            }

            var actor = new Actor(null, $"cli:{Environment.UserName}", "Import (CLI)", Role.Admin, new HashSet<int>());
            await using var stream = path.OpenRead();
            var done = await services.GetRequiredService<TicketImport>()
                .ImportAsync(actor, stream, path.Name, result.GetValue(map) ?? [], result.GetValue(dryRun), token);
            foreach (var error in done.Errors)
            {
                await Console.Error.WriteLineAsync($"row {error.Row}, {error.Column} ({error.Field}): {error.Message}");
            }

            if (done.Errors.Count > 0)
            {
                await Console.Error.WriteLineAsync($"{done.Errors.Count} problems; nothing was imported.");
                return 2;
            }

            Console.WriteLine(done.DryRun
                ? $"Dry run: {done.Numbers.Count} rows can be imported; nothing was written."
                : $"Imported {done.Numbers.Count} tickets{(done.Numbers.Count > 0 ? $" ({done.Numbers[0]} ... {done.Numbers[^1]})" : "")}.");
            if (done.IgnoredColumns.Count > 0)
            {
                Console.WriteLine($"Ignored columns: {string.Join(", ", done.IgnoredColumns)}");
            }

            return 0;
        }, ct));
        return new Command("tickets", "Tickets in bulk.") { import };
    }
}
