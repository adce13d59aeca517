using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using SupportFlow.IntegrationTests.Cli;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Durability;

/// <summary>The real server as its own process on a free loopback port, so a test can kill it hard.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the server wrote to standard output so far, line by line.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>What the server wrote to standard error so far, line by line.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>The last lines of both outputs, for a failure message.</summary>
    public string Tail(int lines = 40) =>
        $"--- {Address} stdout\n{string.Join('\n', Output.TakeLast(lines))}\n--- stderr\n{string.Join('\n', Errors.TakeLast(lines))}";

    /// <param name="dataDirectory">The node's data folder (and through it, its database).</param>
    /// <param name="environment">More configuration as environment variables (<c>Section__Key</c>).</param>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliProcess.ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["SupportFlow__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in TestDatabase.SettingsFor(dataDirectory))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                server.Output.Enqueue(line.Data);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                server.Errors.Enqueue(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException(
            $"The server did not become healthy within 180 s.\n{server.Tail()}");
    }

    /// <summary>A client of this server with a personal token.</summary>
    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Users admin and eng (an engineer) made with the CLI in <paramref name="dataDirectory"/>; their tokens.</summary>
    public static async Task<(string Admin, string Engineer)> AdminAndEngineerAsync(string dataDirectory)
    {
        Assert.Equal(0, (await CliProcess.RunAsync(["users", "add", "--login", "admin", "--name", "Admin", "--role", "admin"], dataDirectory)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(["users", "add", "--login", "eng", "--name", "Eng", "--role", "engineer"], dataDirectory)).ExitCode);
        return ((await CliProcess.RunAsync(["tokens", "create", "--login", "admin"], dataDirectory)).StdoutLines[^1],
            (await CliProcess.RunAsync(["tokens", "create", "--login", "eng"], dataDirectory)).StdoutLines[^1]);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, like a power cut to the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
