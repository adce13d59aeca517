using System.Net;
using System.Net.Sockets;

namespace SupportFlow.Notifications;

/// <summary>
/// Which addresses the server may connect to when it calls a URL someone typed in (a team's chat
/// webhook, a chat channel's answer webhook): none inside the network it runs in. Refused:
/// loopback, unspecified, private (RFC 1918, IPv6 unique-local fc00::/7), link-local (which holds
/// the cloud metadata service 169.254.169.254), carrier-grade NAT (100.64.0.0/10), multicast and
/// broadcast, the documentation/benchmark/reserved ranges, and the IPv4 forms of these inside IPv6
/// (::ffff:a.b.c.d, 6to4, NAT64 well-known prefix). Checked on the address actually connected to,
/// after DNS resolution, so a public name resolving inside is refused too.
/// </summary>
public static class OutboundAddresses
{
    /// <summary>Why the address is refused, or null when it is an ordinary public address.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return Refusal(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => V4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => V6(address),
            _ => "not an IP address",
        };
    }

    public static bool IsInternal(IPAddress address) => Refusal(address) is not null;

    private static string? V4(byte[] b) => b switch
    {
        [0, ..] => "unspecified (0.0.0.0/8)",
        [127, ..] => "loopback (127.0.0.0/8)",
        [10, ..] => "private (10.0.0.0/8)",
        [172, >= 16 and <= 31, ..] => "private (172.16.0.0/12)",
        [192, 168, ..] => "private (192.168.0.0/16)",
        [169, 254, 169, 254] => "the cloud metadata service (169.254.169.254)",
        [169, 254, ..] => "link-local (169.254.0.0/16)",
        [100, >= 64 and <= 127, ..] => "carrier-grade NAT (100.64.0.0/10)",
        [192, 0, 0, ..] => "IETF protocol assignments (192.0.0.0/24)",
        [192, 0, 2, ..] or [198, 51, 100, ..] or [203, 0, 113, ..] => "documentation range",
        [198, 18 or 19, ..] => "benchmarking range (198.18.0.0/15)",
        [>= 224 and <= 239, ..] => "multicast (224.0.0.0/4)",
        [>= 240, ..] => "reserved or broadcast (240.0.0.0/4)",
        _ => null,
    };

    private static string? V6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified (::)";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback (::1)";
        }

        var b = address.GetAddressBytes();
        return b switch
        {
            [>= 0xfc and <= 0xfd, ..] => "unique-local (fc00::/7)",
            [0xfe, >= 0x80 and <= 0xbf, ..] => "link-local (fe80::/10)",
            [0xfe, >= 0xc0, ..] => "site-local (fec0::/10)",
            [0xff, ..] => "multicast (ff00::/8)",
            [0x20, 0x01, 0x0d, 0xb8, ..] => "documentation range (2001:db8::/32)",
            // 6to4 and the NAT64 well-known prefix carry an IPv4 address that is checked as such.
            [0x20, 0x02, var a, var c, var d, var e, ..] => V4([a, c, d, e]),
            [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, var a, var c, var d, var e] => V4([a, c, d, e]),
            // ::a.b.c.d, the deprecated IPv4-compatible form.
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, var a, var c, var d, var e] => V4([a, c, d, e]) ?? "IPv4-compatible (::/96)",
            _ => null,
        };
    }
}
