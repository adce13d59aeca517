using SupportFlow.Common;

namespace SupportFlow.Server.Cli;

/// <summary>
/// A password for <c>users add</c> and <c>users set-password</c>: given with <c>--password</c>, or
/// <c>-</c> for the first line of stdin (so it stays out of the shell history and the process
/// list), which in a terminal is asked for twice without echo.
/// </summary>
public static class CliPassword
{
    public const string Stdin = "-";

    public static async Task<string> ReadAsync(string given, string login, CancellationToken ct)
    {
        if (given != Stdin)
        {
            return given;
        }

        if (!Console.IsInputRedirected)
        {
            var first = Prompt($"New password for {login}: ");
            if (first != Prompt("Again: "))
            {
                throw new RequestValidationException("password", "The two passwords typed differ.");
            }

            return NonEmpty(first);
        }

        return NonEmpty((await Console.In.ReadLineAsync(ct))?.TrimEnd('\r'));
    }

    private static string NonEmpty(string? password) => string.IsNullOrEmpty(password)
        ? throw new RequestValidationException("password", "No password was given: pass --password, pipe it on stdin or type it in a terminal.")
        : password;

    private static string Prompt(string question)
    {
        Console.Error.Write(question);
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
