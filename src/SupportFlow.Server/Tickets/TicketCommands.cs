using System.CommandLine;
using SupportFlow.Server.Cli;
using SupportFlow.Users;

namespace SupportFlow.Server.Tickets;

/// <summary><c>tickets import --file x.csv [--map column=field ...] [--dry-run]</c> and <c>tickets export [--format xlsx] [--output f] [filters]</c>.</summary>
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

            var actor = CliActor("Import (CLI)");
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
        return new Command("tickets", "Tickets in bulk.") { import, Export() };
    }

    /// <summary>
    /// The API's export (<see cref="TicketExport"/>: the same columns, formats and filters as
    /// <c>GET /api/tickets/export</c>) into a file, as an admin sees the tickets.
    /// </summary>
    private static Command Export()
    {
        var format = new Option<string?>("--format") { Description = "csv (UTF-8 with BOM) or xlsx; default: the --output file's extension, else csv." };
        var output = new Option<string?>("--output")
        {
            Description = "The file to write (replaced when it exists); '-' writes to stdout. Default: tickets-YYYYMMDD-HHMM.csv|xlsx here.",
        };
        var status = new Option<string?>("--status") { Description = "Statuses, comma-separated: new,assigned,..." };
        var priority = new Option<string?>("--priority") { Description = "Priorities, comma-separated: P1,P2." };
        var module = new Option<string?>("--module") { Description = "Module name." };
        var assignee = new Option<string?>("--assignee") { Description = "The assignee's login." };
        var team = new Option<string[]>("--team") { Description = "Team name; repeat for several." };
        var reporter = new Option<string?>("--reporter") { Description = "The reporter's login." };
        var q = new Option<string?>("--q") { Description = "Full-text search, as the list's q." };
        var sla = new Option<string?>("--sla") { Description = "breached or atRisk." };
        var from = new Option<string?>("--from") { Description = "Received on or after: YYYY-MM-DD or a time with offset." };
        var to = new Option<string?>("--to") { Description = "Received before: YYYY-MM-DD (included) or a time with offset." };
        var sort = new Option<string?>("--sort") { Description = "receivedAt (default) or slaDue." };
        var export = new Command("export", "Write tickets' tracking records (the API export's columns) to a CSV or XLSX file; the filters are GET /api/tickets's.")
        {
            format, output, status, priority, module, assignee, team, reporter, q, sla, from, to, sort,
        };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var path = result.GetValue(output);
            var kind = result.GetValue(format)
                       ?? (path is not null && path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : null);
            var query = new TicketListQuery(result.GetValue(status), result.GetValue(priority), result.GetValue(module),
                result.GetValue(assignee), result.GetValue(team) is { Length: > 0 } teams ? teams : null, result.GetValue(reporter),
                Text: null, result.GetValue(sla), result.GetValue(sort), Limit: null, Cursor: null, result.GetValue(q),
                result.GetValue(from), result.GetValue(to));
            var prepared = await TicketExport.PrepareAsync(query, kind, CliActor("Export (CLI)"),
                services.GetRequiredService<Data.SupportFlowDbContext>(), services.GetRequiredService<Sla.SlaSettings>(),
                services.GetRequiredService<Common.OrganizationTime>(), services.GetRequiredService<TimeProvider>(), token);
            if (path == "-")
            {
                await using var stdout = Console.OpenStandardOutput();
                await prepared.WriteAsync(stdout, token);
                await Console.Error.WriteLineAsync($"Exported {prepared.Tickets} tickets.");
                return 0;
            }

            // Written beside the target and moved over it: a failed export leaves no half file.
            var target = Path.GetFullPath(path ?? prepared.FileName);
            var partial = target + ".partial";
            await using (var file = File.Create(partial))
            {
                await prepared.WriteAsync(file, token);
            }

            File.Move(partial, target, overwrite: true);
            Console.WriteLine($"Exported {prepared.Tickets} tickets to {target}");
            return 0;
        }, ct));
        return export;
    }

    /// <summary>Whoever runs the CLI on the server acts as an admin: they could read the database anyway.</summary>
    private static Actor CliActor(string name) => new(null, $"cli:{Environment.UserName}", name, Role.Admin, new HashSet<int>());
}
