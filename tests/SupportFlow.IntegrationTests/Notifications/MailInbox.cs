using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SupportFlow.IntegrationTests.Notifications;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1, keeping what it accepted: the envelope and the parsed mail.</summary>
public sealed class MailInbox : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private MailInbox(int port, Func<MimeMessage, Task<bool>>? accept)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("127.0.0.1")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this, accept));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>
    /// Starts listening. <paramref name="accept"/> may hold a message (the sender waits for the answer to DATA)
    /// and refuse it by returning false; refused messages are not kept.
    /// </summary>
    public static MailInbox Start(Func<MimeMessage, Task<bool>>? accept = null, int? port = null) =>
        new(port ?? FreePort(), accept);

    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return [.. Received];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(MailInbox inbox, Func<MimeMessage, Task<bool>>? accept) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (accept is not null && !await accept(message))
            {
                return SmtpResponse.TransactionFailed;
            }

            inbox.Received.Enqueue(new ReceivedMail([.. transaction.To.Select(m => $"{m.User}@{m.Host}")], message));
            return SmtpResponse.Ok;
        }
    }
}

public sealed record ReceivedMail(string[] EnvelopeTo, MimeMessage Message)
{
    public string Subject => Message.Subject ?? "";

    public string Body => Message.TextBody ?? "";
}
