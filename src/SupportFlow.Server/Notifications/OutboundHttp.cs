using System.Net;
using System.Net.Sockets;
using SupportFlow.Common;
using SupportFlow.Notifications;

namespace SupportFlow.Server.Notifications;

/// <summary>
/// The connection of every HTTP client that calls a URL on a user's word (chat webhooks): the
/// host is resolved here and only a public address is connected to
/// (<see cref="OutboundAddresses"/>), so neither a webhook on an internal address, nor a public
/// name resolving inside (DNS rebinding: the address checked is the one connected to), nor a
/// redirect to one (each hop connects through here) reaches the server's own network.
/// <c>SupportFlow:Outbound:AllowPrivateAddresses=true</c> lifts this for a desk whose chat
/// platform is itself internal.
/// </summary>
public static class OutboundHttp
{
    public static SocketsHttpHandler Handler(OutboundOptions options) => new()
    {
        // Redirects are followed by the handler, each through ConnectCallback; a few are enough for a webhook.
        MaxAutomaticRedirections = 3,
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, options.AllowPrivateAddresses, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = allowPrivate ? addresses : addresses.Where(a => !OutboundAddresses.IsInternal(a)).ToArray();
        if (allowed.Length == 0)
        {
            var refused = addresses.FirstOrDefault();
            throw new OutboundAddressRefusedException(endpoint.Host, refused, refused is null ? "it does not resolve" : OutboundAddresses.Refusal(refused)!);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A call refused because its host is (or resolves to) an address inside the server's network.</summary>
public sealed class OutboundAddressRefusedException(string host, IPAddress? address, string why)
    : Exception($"{host}{(address is null || address.ToString() == host ? "" : $" ({address})")} is {why}: the server does not call internal addresses "
                + "(SupportFlow:Outbound:AllowPrivateAddresses is false).");
