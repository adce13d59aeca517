using System.CommandLine;
using SupportFlow.Common;
using SupportFlow.Localization;
using SupportFlow.Server.Hosting;

namespace SupportFlow.Server.Cli;

/// <summary>
/// The administration CLI in the server's executable. It reads the same configuration
/// (appsettings.json, SupportFlow__* environment variables, --SupportFlow:Key=value).
/// Exit codes: 0 done, 1 refused, 2 invalid input.
/// </summary>
public static class CliCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = Root();
        var parsed = root.Parse(args);
        // Words no option takes are configuration overrides for the host; any other one is a mistake.
        var stray = ConfigurationArguments.FirstStray(parsed.UnmatchedTokens);
        if (parsed.Errors.Count == 0 && stray is null)
        {
            return await parsed.InvokeAsync();
        }

        foreach (var error in parsed.Errors)
        {
            await Console.Error.WriteLineAsync(error.Message);
        }

        if (stray is not null && !parsed.Errors.Any(e => e.Message.Contains($"'{stray}'", StringComparison.Ordinal)))
        {
            await Console.Error.WriteLineAsync(
                $"Unknown argument '{stray}': not an option of '{parsed.CommandResult.Command.Name}' nor a setting (--Section:Key=value).");
        }

        await Console.Error.WriteLineAsync();
        await UsageAsync(root, parsed.CommandResult);
        return 2;
    }

    /// <summary>The help of the command the mistake was made in, on stderr: stdout may be piped into a script.</summary>
    private static async Task UsageAsync(RootCommand root, System.CommandLine.Parsing.CommandResult mistaken)
    {
        var path = new List<string>();
        for (var command = mistaken; command.Parent is System.CommandLine.Parsing.CommandResult parent; command = parent)
        {
            path.Insert(0, command.Command.Name);
        }

        await root.Parse([.. path, "--help"]).InvokeAsync(new InvocationConfiguration { Output = Console.Error });
    }

    private static RootCommand Root()
    {
        var root = new RootCommand("SupportFlow: technical-support ticketing. Without a command, starts the server.")
        {
            new Command("serve", "Start the server (the default). ASP.NET Core options such as --urls apply.")
            {
                TreatUnmatchedTokensAsErrors = false,
            },
            Users.UserCommands.Users(),
            Users.UserCommands.Tokens(),
            DbCommand(),
            CalendarCommand(),
            Archive.ArchiveCommands.Archive(),
            Archive.PurgeCommands.Purge(),
            Backups.BackupCommands.Backup(),
            Backups.BackupCommands.Restore(),
            Tickets.TicketCommands.Tickets(),
        };
        return root;
    }

    private static Command DbCommand()
    {
        var migrate = new Command("migrate", "Apply pending database migrations (the server also does this at start).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        migrate.SetAction((result, ct) => WithServices(result, (_, _) =>
        {
            Console.WriteLine("The database is up to date.");
            return Task.FromResult(0);
        }, ct));
        return new Command("db", "Database administration.") { migrate };
    }

    private static Command CalendarCommand()
    {
        var file = new Option<FileInfo>("--file") { Description = "An iCalendar (.ics) file of holidays and make-up working days.", Required = true };
        var keywords = new Option<string[]>("--make-up-keywords")
        {
            Description = "Words in an event's summary that mark a make-up working day (default: 班 补班 调休上班 make-up workday).",
            AllowMultipleArgumentsPerToken = true,
        };
        var import = new Command("import", "Import holidays and make-up working days (调休) from an iCalendar file.") { file, keywords };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((result, ct) => WithServices(result, async (services, token) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"--file: {path.FullName} does not exist.");
                return 2;
            }

            var words = result.GetValue(keywords) is { Length: > 0 } given ? given : Sla.CalendarImport.DefaultMakeUpKeywords;
            try
            {
                var imported = await services.GetRequiredService<Sla.CalendarImport>()
                    .ImportAsync(await File.ReadAllTextAsync(path.FullName, token), words, token);
                Console.WriteLine($"Imported {imported.Holidays} holidays and {imported.MakeUpWorkingDays} make-up working days.");
                return 0;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException
                                           or System.Runtime.Serialization.SerializationException)
            {
                await Console.Error.WriteLineAsync($"--file: {path.Name} could not be read as iCalendar: {e.Message}");
                return 2;
            }
        }, ct));
        return new Command("calendar", "The business calendar.") { import };
    }

    /// <summary>Builds the shared services with the same configuration as the server, migrates, and runs one command.</summary>
    internal static async Task<int> WithServices(ParseResult result, Func<IServiceProvider, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken, bool migrate = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. result.UnmatchedTokens] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSupportFlowCore();
        using var host = builder.Build();
        if (!StartupValidation.Passed(host.Services))
        {
            return 1;
        }

        try
        {
            if (migrate)
            {
                await host.Services.MigrateDatabaseAsync(cancellationToken);
            }

            await using var scope = host.Services.CreateAsyncScope();
            return await run(scope.ServiceProvider, cancellationToken);
        }
        catch (RequestValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    await Console.Error.WriteLineAsync($"{field}: {message}");
                }
            }

            return 2;
        }
        catch (Exception e) when (e is DomainException or NotFoundException or ForbiddenException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be written or read: the operator's to fix, so a sentence, not a stack trace.
            await Console.Error.WriteLineAsync(new LocalizedMessage("A file or folder could not be read or written: {0}", e.Message).ToString());
            return 1;
        }
    }
}
