using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupportFlow.IntegrationTests.Infrastructure;

/// <summary>
/// A real Dovecot IMAP server (Debian's dovecot-imapd, installed by scripts/test.sh) on a free
/// loopback port, with a throwaway configuration in a temporary folder: IMAP only, no TLS,
/// users in a passwd-file, Maildirs beside it. Mail is delivered with dovecot-lda, as an MTA
/// would. Each test takes a mailbox user of its own, so tests sharing the server stay apart.
/// </summary>
public sealed class Dovecot : IAsyncLifetime
{
    public const string Password = "secret-imap";
    private const string Lda = "/usr/lib/dovecot/dovecot-lda";

    private readonly string _root = Path.Combine("/tmp", "sf-dovecot-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _server;
    private int _users;

    // Tests add users in parallel: appends to the passwd-file go one at a time, so a line is never torn.
    private readonly SemaphoreSlim _passwdWrite = new(1, 1);
    private string _uidGid = "";

    public int Port { get; private set; }

    public string Config => Path.Combine(_root, "dovecot.conf");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "run"));
        Directory.CreateDirectory(Path.Combine(_root, "state"));
        var mail = Directory.CreateDirectory(Path.Combine(_root, "mail"));
        await File.WriteAllTextAsync(Path.Combine(_root, "passwd"), "");
        var root = Environment.UserName == "root" || (await RunAsync("id", "-u")).Trim() == "0";

        // Dovecot refuses to run its login processes as root and to access mail as uid 0: as root
        // (CI), it uses the users its package created and mail belongs to nobody; otherwise
        // everything runs as the current user.
        var (uid, gid) = root ? ("65534", "65534") : ((await RunAsync("id", "-u")).Trim(), (await RunAsync("id", "-g")).Trim());
        _uidGid = $"{uid}:{gid}";
        if (!OperatingSystem.IsWindows())
        {
            mail.UnixFileMode = (UnixFileMode)0x1FF; // 0777: the mail user creates its Maildir here
        }
        var user = root ? "" : Environment.UserName;
        Port = FreePort();
        await File.WriteAllTextAsync(Config, $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{_root}}/run
            state_dir = {{_root}}/state
            log_path = {{_root}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{(root ? "dovecot" : user)}}
            default_internal_group = {{(root ? "dovecot" : user)}}
            default_login_user = {{(root ? "dovenull" : user)}}
            mail_location = maildir:{{_root}}/mail/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_root}}/passwd
            }
            userdb {
              driver = passwd-file
              args = username_format=%u {{_root}}/passwd
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            service stats {
              chroot =
            }
            """);
        _server = Process.Start(new ProcessStartInfo("/usr/sbin/dovecot", ["-F", "-c", Config])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("dovecot did not start");
        await WaitForPortAsync();
    }

    /// <summary>A new mailbox user (password <see cref="Password"/>); dovecot re-reads the passwd-file by itself.</summary>
    public async Task<string> AddUserAsync()
    {
        var name = $"desk{Interlocked.Increment(ref _users)}";
        await _passwdWrite.WaitAsync();
        try
        {
            await File.AppendAllTextAsync(Path.Combine(_root, "passwd"),
                $"{name}:{{PLAIN}}{Password}:{_uidGid}::{_root}/mail/{name}::\n");
        }
        finally
        {
            _passwdWrite.Release();
        }

        return name;
    }

    /// <summary>Delivers a raw message to the user's INBOX the way an MTA does (dovecot-lda).</summary>
    public Task DeliverAsync(string user, string message, string envelopeFrom = "sender@example.com") =>
        DeliverAsync(user, Encoding.UTF8.GetBytes(message.ReplaceLineEndings("\n")), envelopeFrom);

    public async Task DeliverAsync(string user, byte[] message, string envelopeFrom = "sender@example.com")
    {
        // dovecot re-reads the passwd-file when it sees it changed; a user added within the same
        // instant can be unknown (EX_NOUSER, 67) once: the way an MTA defers, try again shortly.
        for (var attempt = 1; ; attempt++)
        {
            var (exitCode, error) = await RunLdaAsync(user, message, envelopeFrom);
            if (exitCode != 67 || attempt == 5)
            {
                Assert.True(exitCode == 0, $"dovecot-lda failed ({exitCode}): {error} {await LogAsync()}");
                return;
            }

            await Task.Delay(200 * attempt);
        }
    }

    private async Task<(int ExitCode, string Error)> RunLdaAsync(string user, byte[] message, string envelopeFrom)
    {
        var lda = Process.Start(new ProcessStartInfo(Lda, ["-c", Config, "-d", user, "-f", envelopeFrom])
        {
            RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        await lda.StandardInput.BaseStream.WriteAsync(message);
        lda.StandardInput.Close();
        var error = await lda.StandardError.ReadToEndAsync();
        await lda.WaitForExitAsync();
        return (lda.ExitCode, error);
    }

    public Task<string> LogAsync() =>
        File.Exists(Path.Combine(_root, "dovecot.log")) ? File.ReadAllTextAsync(Path.Combine(_root, "dovecot.log")) : Task.FromResult("");

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            await RunAsync("/usr/bin/doveadm", "-c", Config, "stop");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _server.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _server.Kill(entireProcessTree: true);
            }
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task WaitForPortAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_server!.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"dovecot is not listening on {Port}: {e.Message}\n{await LogAsync()}", e);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.ToString(CultureInfo.InvariantCulture);
    }
}
