using MailKit;
using MailKit.Net.Imap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportFlow.Data;

namespace SupportFlow.Server.Intake.Mail;

/// <summary>
/// Keeps one watcher per enabled mailbox: connected, waiting with IDLE where the server offers
/// it (new mail arrives within seconds) or polling every <see cref="MailIntakeOptions.PollSeconds"/>.
/// The list is re-read on that interval, and at once when an admin changes a mailbox on this
/// node; a changed mailbox gets a fresh watcher with its new settings.
/// </summary>
public sealed class MailboxWatchers(
    IServiceScopeFactory scopes,
    MailboxReader reader,
    TimeProvider clock,
    IOptions<MailIntakeOptions> options,
    ILogger<MailboxWatchers> log) : BackgroundService
{
    private readonly Dictionary<int, (int Version, CancellationTokenSource Stop, Task Running)> _watchers = [];
    private readonly SemaphoreSlim _changed = new(0);

    /// <summary>Called after an admin changed the mailboxes: reconcile now instead of at the next interval.</summary>
    public void MailboxesChanged() => _changed.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ReconcileAsync(stoppingToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var tick = Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, wait.Token);
                await Task.WhenAny(tick, _changed.WaitAsync(wait.Token));
                await wait.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var (_, stop, _) in _watchers.Values)
            {
                await stop.CancelAsync();
            }

            await Task.WhenAll(_watchers.Values.Select(w => w.Running));
        }
    }

    private async Task ReconcileAsync(CancellationToken ct)
    {
        List<(int Id, string Name, int Version)> wanted;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SupportFlowDbContext>();
            wanted = (await db.Mailboxes.AsNoTracking().Where(m => m.Enabled).Select(m => new { m.Id, m.Name, m.Version }).ToListAsync(ct))
                .Select(m => (m.Id, m.Name, m.Version)).ToList();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Could not read the mailbox list");
            return;
        }

        foreach (var (id, (version, stop, running)) in _watchers.ToList())
        {
            if (running.IsCompleted || !wanted.Any(m => m.Id == id && m.Version == version))
            {
                await stop.CancelAsync();
                await running;
                stop.Dispose();
                _watchers.Remove(id);
            }
        }

        foreach (var mailbox in wanted.Where(m => !_watchers.ContainsKey(m.Id)))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _watchers[mailbox.Id] = (mailbox.Version, stop, Task.Run(() => WatchAsync(mailbox.Name, stop.Token), CancellationToken.None));
        }
    }

    /// <summary>One mailbox, until stopped: connect, process, wait for more; reconnect after failures.</summary>
    private async Task WatchAsync(string name, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var mailbox = await reader.LoadAsync(name, ct);
                using var client = await MailboxReader.ConnectAsync(mailbox, ct);
                var folder = await MailboxReader.OpenAsync(client, mailbox, ct);
                log.LogInformation("Watching mailbox {Mailbox} ({Host}, {Folder}) with {Mode}", name, mailbox.Host, mailbox.Folder,
                    client.Capabilities.HasFlag(ImapCapabilities.Idle) ? "IDLE" : "polling");
                while (!ct.IsCancellationRequested)
                {
                    await reader.ProcessNewAsync(folder, mailbox, ct);
                    await WaitForMailAsync(client, folder, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Mailbox {Mailbox} failed; reconnecting in {Seconds} s", name, options.Value.RetrySeconds);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.Value.RetrySeconds), clock, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task WaitForMailAsync(ImapClient client, IMailFolder folder, CancellationToken ct)
    {
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, ct);
            return;
        }

        using var done = new CancellationTokenSource(TimeSpan.FromMinutes(options.Value.IdleMinutes), clock);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += Arrived;
        try
        {
            await client.IdleAsync(done.Token, ct);
        }
        finally
        {
            folder.CountChanged -= Arrived;
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }
}
