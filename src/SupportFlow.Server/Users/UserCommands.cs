using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Cli;

namespace SupportFlow.Server.Users;

/// <summary>
/// <c>users ...</c> and <c>tokens ...</c>: the same writes as <c>/api/users</c> through
/// <see cref="UserAdministration"/>, so a deactivation ends the web sessions and revokes the tokens,
/// and a new password ends the sessions, exactly as the API and the admin pages do.
/// </summary>
public static class UserCommands
{
    public static Command Users() => new("users", "Manage users.")
    {
        Add(), List(), SetPassword(), SetRole(), Deactivate(), Activate(), BindChat(),
    };

    public static Command Tokens() => new("tokens", "Manage personal API tokens.")
    {
        CreateToken(), ListTokens(), RevokeToken(),
    };

    private static Command Add()
    {
        var login = new Option<string>("--login") { Description = "Unique login (lower case).", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var role = new Option<string>("--role") { Description = "reporter, engineer, supervisor or admin.", Required = true };
        var password = PasswordOption("Password for signing in to the web UI (8+ characters); '-' reads it from stdin. Without it the user signs in only with a token.");
        var email = new Option<string?>("--email") { Description = "E-mail address for notifications." };
        var phone = new Option<string?>("--phone") { Description = "Phone number." };
        var department = new Option<string?>("--department") { Description = "Department name (created when new)." };
        var teams = new Option<string[]>("--teams") { Description = "Team names (engineers and supervisors).", AllowMultipleArgumentsPerToken = true };
        var add = new Command("add", "Create a user.") { login, name, role, password, email, phone, department, teams };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var given = result.GetValue(password);
            var secret = given is null ? null : await CliPassword.ReadAsync(given, result.GetValue(login)!, token);
            var user = await services.GetRequiredService<UserAdministration>().CreateAsync(new UserRequest(
                result.GetValue(login), result.GetValue(name), result.GetValue(role), result.GetValue(department),
                result.GetValue(teams), result.GetValue(email), result.GetValue(phone), secret), token);
            Console.WriteLine($"Created {WireNames.Of(user.Role)} '{user.Login}' ({user.Name}).");
            return 0;
        }, ct));
        return add;
    }

    private static Command List()
    {
        var list = new Command("list", "List users: login, role, name, active or inactive.") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var db = services.GetRequiredService<SupportFlowDbContext>();
            foreach (var user in await db.Users.AsNoTracking().OrderBy(u => u.Login).ToListAsync(token))
            {
                Console.WriteLine($"{user.Login}\t{WireNames.Of(user.Role)}\t{user.Name}\t{(user.IsActive ? "active" : "inactive")}");
            }

            return 0;
        }, ct));
        return list;
    }

    private static Command SetPassword()
    {
        var login = LoginArgument();
        var password = PasswordOption("The new password (8+ characters); '-' or leaving it out reads it from stdin, or asks for it in a terminal.");
        var command = new Command("set-password", "Give a user a new password; their web sessions end (API tokens stay).") { login, password };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var who = result.GetValue(login)!;
            var administration = services.GetRequiredService<UserAdministration>();
            await administration.FindAsync(who, token); // an unknown login is said before a password is asked for
            var secret = await CliPassword.ReadAsync(result.GetValue(password) ?? CliPassword.Stdin, who, token);
            var user = await administration.UpdateAsync(who, Change(password: secret), token);
            Console.WriteLine($"New password for '{user.Login}'; their web sessions have ended.");
            return 0;
        }, ct));
        return command;
    }

    private static Command SetRole()
    {
        var login = LoginArgument();
        var role = new Argument<string>("role") { Description = "reporter, engineer, supervisor or admin." };
        var command = new Command("set-role", "Change a user's role.") { login, role };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var user = await services.GetRequiredService<UserAdministration>()
                .UpdateAsync(result.GetValue(login)!, Change(role: result.GetValue(role) ?? ""), token);
            Console.WriteLine($"'{user.Login}' is now {WireNames.Of(user.Role)}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Deactivate()
    {
        var login = LoginArgument();
        var command = new Command("deactivate", "Deactivate a user (users are never deleted): their web sessions end and their API tokens are revoked.")
        {
            login,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var administration = services.GetRequiredService<UserAdministration>();
            await administration.DeactivateAsync(result.GetValue(login)!, token);
            Console.WriteLine($"Deactivated '{result.GetValue(login)!.Trim().ToLowerInvariant()}'; their sessions ended and their tokens were revoked.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Activate()
    {
        var login = LoginArgument();
        var command = new Command("activate", "Reactivate a user; revoked tokens stay revoked (create new ones).") { login };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var user = await services.GetRequiredService<UserAdministration>().UpdateAsync(result.GetValue(login)!, Change(active: true), token);
            Console.WriteLine($"Activated '{user.Login}'.");
            return 0;
        }, ct));
        return command;
    }

    private static Command BindChat()
    {
        var login = new Option<string>("--login") { Description = "The user the sender is.", Required = true };
        var channel = new Option<string>("--channel") { Description = "The chat channel's name.", Required = true };
        var senderId = new Option<string>("--sender-id")
        {
            Description = "The platform's id of the person (DingTalk senderStaffId, WeCom UserId, Feishu open_id, generic sender.id).",
            Required = true,
        };
        var command = new Command("bind-chat", "Bind a chat sender to a user: their messages then file and comment as that user.")
        {
            login, channel, senderId,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var bound = await services.GetRequiredService<Intake.Chat.ChatIdentityBinding>().BindSenderAsync(result.GetValue(login)!,
                new Intake.Chat.ChatIdentityRequest(result.GetValue(channel), result.GetValue(senderId)), token);
            Console.WriteLine($"Bound sender '{bound.SenderId}' of chat channel '{bound.Channel.Name}' to '{bound.User.Login}'.");
            return 0;
        }, ct));
        return command;
    }

    private static Command CreateToken()
    {
        var login = new Option<string>("--login") { Description = "The user the token acts as.", Required = true };
        var name = new Option<string?>("--name") { Description = "A label for the token, e.g. the script using it." };
        var create = new Command("create", "Create a personal API token; it is printed alone on the last line, once.")
        {
            login, name,
        };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var created = await services.GetRequiredService<UserAdministration>()
                .CreateTokenAsync(result.GetValue(login)!, result.GetValue(name), token);
            Console.WriteLine($"Token '{created.Name}' for {created.Login}. Keep it secret: it is not shown again.");
            Console.WriteLine(created.Token);
            return 0;
        }, ct));
        return create;
    }

    private static Command ListTokens()
    {
        var login = new Option<string?>("--login") { Description = "Only this user's tokens." };
        var list = new Command("list", "List API tokens (never their secrets): id, login, name, created, active or revoked.") { login };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            foreach (var t in await services.GetRequiredService<UserAdministration>().TokensAsync(result.GetValue(login), token))
            {
                Console.WriteLine($"{t.Id}\t{t.Login}\t{t.Name}\t{t.CreatedAt:yyyy-MM-dd HH:mm}Z\t"
                                  + (t.RevokedAt is { } revoked ? $"revoked {revoked:yyyy-MM-dd HH:mm}Z" : "active"));
            }

            return 0;
        }, ct));
        return list;
    }

    private static Command RevokeToken()
    {
        var id = new Argument<int>("id") { Description = "The token's id, as 'tokens list' shows it." };
        var revoke = new Command("revoke", "Revoke an API token: requests with it are refused from now on.") { id };
        revoke.TreatUnmatchedTokensAsErrors = false;
        revoke.SetAction((result, ct) => CliCommands.WithServices(result, async (services, token) =>
        {
            var revoked = await services.GetRequiredService<UserAdministration>().RevokeTokenAsync(result.GetValue(id), token);
            Console.WriteLine($"Revoked token {revoked.Id} '{revoked.Name}' of {revoked.Login}.");
            return 0;
        }, ct));
        return revoke;
    }

    private static Argument<string> LoginArgument() => new("login") { Description = "The user's login." };

    private static Option<string?> PasswordOption(string description) => new("--password") { Description = description };

    /// <summary>A PUT-style change: fields left null keep their value, as on <c>PUT /api/users/{login}</c>.</summary>
    private static UserRequest Change(string? role = null, string? password = null, bool? active = null) =>
        new(null, null, role, null, null, null, null, password, Active: active);
}
