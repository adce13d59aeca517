using System.CommandLine;
using SupportFlow.Common;
using SupportFlow.Localization;
using SupportFlow.Server.Hosting;
using SupportFlow.Server.Users;

namespace SupportFlow.Server.Cli;

/// <summary>
/// The administration CLI in the server's executable. It reads the same configuration
/// (appsettings.json, SupportFlow__* environment variables, --SupportFlow:Key=value).
/// Exit codes: 0 done, 1 refused, 2 invalid input.
/// </summary>
public static class CliCommands
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "users", "tokens", "db", "calendar", "archive", "purge", "backup", "restore", "tickets", "help", "--help", "-h", "-?", "--version",
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Root().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("Run with --help for usage.");
            return 2;
        }

        return await parsed.InvokeAsync();
    }

    private static RootCommand Root()
    {
        var root = new RootCommand("SupportFlow: technical-support ticketing. Without a command, starts the server.")
        {
            new Command("serve", "Start the server (the default). ASP.NET Core options such as --urls apply.")
            {
                TreatUnmatchedTokensAsErrors = false,
            },
            UsersCommand(),
            TokensCommand(),
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

    private static Command UsersCommand()
    {
        var login = new Option<string>("--login") { Description = "Unique login (lower case).", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var role = new Option<string>("--role") { Description = "reporter, engineer, supervisor or admin.", Required = true };
        var password = new Option<string?>("--password") { Description = "Password for signing in to the web UI (8+ characters)." };
        var email = new Option<string?>("--email") { Description = "E-mail address for notifications." };
        var phone = new Option<string?>("--phone") { Description = "Phone number." };
        var department = new Option<string?>("--department") { Description = "Department name (created when new)." };
        var teams = new Option<string[]>("--teams") { Description = "Team names (engineers and supervisors).", AllowMultipleArgumentsPerToken = true };
        var add = new Command("add", "Create a user.") { login, name, role, password, email, phone, department, teams };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction((result, ct) => WithServices(result, async (services, token) =>
        {
            var user = await services.GetRequiredService<UserAdministration>().CreateAsync(new UserRequest(
                result.GetValue(login), result.GetValue(name), result.GetValue(role), result.GetValue(department),
                result.GetValue(teams), result.GetValue(email), result.GetValue(phone), result.GetValue(password)), token);
            Console.WriteLine($"Created {WireNames.Of(user.Role)} '{user.Login}' ({user.Name}).");
            return 0;
        }, ct));

        var list = new Command("list", "List users.") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction((result, ct) => WithServices(result, async (services, token) =>
        {
            var db = services.GetRequiredService<Data.SupportFlowDbContext>();
            foreach (var user in Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Users)
                         .OrderBy(u => u.Login).ToList())
            {
                Console.WriteLine($"{user.Login}\t{WireNames.Of(user.Role)}\t{user.Name}\t{(user.IsActive ? "active" : "inactive")}");
            }

            await Task.CompletedTask;
            return 0;
        }, ct));

        var channel = new Option<string>("--channel") { Description = "The chat channel's name.", Required = true };
        var senderId = new Option<string>("--sender-id")
        {
            Description = "The platform's id of the person (DingTalk senderStaffId, WeCom UserId, Feishu open_id, generic sender.id).",
            Required = true,
        };
        var bindLogin = new Option<string>("--login") { Description = "The user the sender is.", Required = true };
        var bindChat = new Command("bind-chat", "Bind a chat sender to a user: their messages then file and comment as that user.")
        {
            bindLogin, channel, senderId,
        };
        bindChat.TreatUnmatchedTokensAsErrors = false;
        bindChat.SetAction((result, ct) => WithServices(result, async (services, token) =>
        {
            var bound = await services.GetRequiredService<Intake.Chat.ChatIdentityBinding>().BindSenderAsync(result.GetValue(bindLogin)!,
                new Intake.Chat.ChatIdentityRequest(result.GetValue(channel), result.GetValue(senderId)), token);
            Console.WriteLine($"Bound sender '{bound.SenderId}' of chat channel '{bound.Channel.Name}' to '{bound.User.Login}'.");
            return 0;
        }, ct));

        return new Command("users", "Manage users.") { add, list, bindChat };
    }

    private static Command TokensCommand()
    {
        var login = new Option<string>("--login") { Description = "The user the token acts as.", Required = true };
        var name = new Option<string?>("--name") { Description = "A label for the token, e.g. the script using it." };
        var create = new Command("create", "Create a personal API token; it is printed alone on the last line, once.")
        {
            login, name,
        };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((result, ct) => WithServices(result, async (services, token) =>
        {
            var created = await services.GetRequiredService<UserAdministration>()
                .CreateTokenAsync(result.GetValue(login)!, result.GetValue(name), token);
            Console.WriteLine($"Token '{created.Name}' for {created.Login}. Keep it secret: it is not shown again.");
            Console.WriteLine(created.Token);
            return 0;
        }, ct));
        return new Command("tokens", "Manage personal API tokens.") { create };
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
