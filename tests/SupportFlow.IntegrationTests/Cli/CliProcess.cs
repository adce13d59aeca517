using System.Diagnostics;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Cli;

/// <summary>What one run of the real executable did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs <c>dotnet SupportFlow.Server.dll &lt;args&gt;</c> (the server's build output sits next to
/// the test binaries) as a separate process, in its own working directory, with only the
/// configuration the test gives it.
/// </summary>
public static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "SupportFlow.Server.dll");

    /// <summary>A fresh, not yet existing folder under the temp directory.</summary>
    public static string NewFolder(string kind) =>
        Path.Combine(Path.GetTempPath(), "supportflow-cli-tests", $"{kind}-{Guid.NewGuid():N}");

    /// <param name="args">The command line after the executable.</param>
    /// <param name="dataDirectory">Passed as <c>SupportFlow__DataDirectory</c>; null leaves the variable unset.</param>
    /// <param name="workingDirectory">Where the process runs; a fresh empty folder when null.</param>
    /// <param name="sqlite">The embedded SQLite file in the data folder even when the suite runs on PostgreSQL.</param>
    /// <param name="stdin">Written to the process's standard input, which is then closed; null leaves it empty too.</param>
    public static async Task<CliResult> RunAsync(string[] args, string? dataDirectory = null, string? workingDirectory = null,
        bool sqlite = false, string? stdin = null)
    {
        using var process = Start(args, dataDirectory, workingDirectory, sqlite);
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', args)}' did not finish within {Timeout.TotalSeconds} s.");
        }

        return new CliResult(process.ExitCode, (await stdout).ReplaceLineEndings("\n"), (await stderr).ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// Runs the executable until it logs that it is listening (then stops it) or exits by itself;
    /// <see cref="CliResult.ExitCode"/> is -1 when it was listening.
    /// </summary>
    /// <param name="args">The command line after the executable.</param>
    /// <param name="dataDirectory">As for <see cref="RunAsync"/>.</param>
    /// <param name="environment">More environment variables, e.g. <c>ASPNETCORE_URLS</c>.</param>
    public static async Task<CliResult> RunUntilListeningAsync(string[] args, string? dataDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, dataDirectory, workingDirectory: null, sqlite: false, environment);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(Timeout);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            stdout.Append(line).Append('\n');
            if (line.Contains("Now listening on:", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(timeout.Token);
                return new CliResult(-1, stdout.ToString(), await stderr);
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, stdout.ToString(), (await stderr).ReplaceLineEndings("\n"));
    }

    private static Process Start(string[] args, string? dataDirectory, string? workingDirectory, bool sqlite,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        Assert.True(File.Exists(ServerDll), $"{ServerDll} is missing: the test project must reference the server project.");
        workingDirectory ??= NewFolder("cwd");
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // never the test runner's: a command reading stdin sees what the test gives it
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SupportFlow", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        if (dataDirectory is not null)
        {
            start.Environment["SupportFlow__DataDirectory"] = dataDirectory;
            foreach (var (key, value) in TestDatabase.SettingsFor(dataDirectory, sqlite))
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Counts users with a login straight from the database the CLI wrote.</summary>
    public static long CountUsers(string dataDirectory, string login, bool sqlite = false)
    {
        using var db = TestDatabase.OpenContext(dataDirectory, sqlite);
        return db.Users.LongCount(u => u.Login == login);
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
