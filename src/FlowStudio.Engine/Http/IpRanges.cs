using System.Net;
using System.Net.Sockets;

namespace FlowStudio.Engine.Http;

/// <summary>The address ranges an outbound call may not reach unless allowed: loopback, private, link-local, metadata, reserved.</summary>
public static class IpRanges
{
    private static readonly (IPAddress Network, int Prefix, string Name)[] Blocked =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "a 'this network' address"),
        (IPAddress.Parse("10.0.0.0"), 8, "a private address"),
        (IPAddress.Parse("100.64.0.0"), 10, "a carrier-grade NAT address"),
        (IPAddress.Parse("127.0.0.0"), 8, "a loopback address"),
        (IPAddress.Parse("169.254.0.0"), 16, "a link-local or cloud metadata address"),
        (IPAddress.Parse("172.16.0.0"), 12, "a private address"),
        (IPAddress.Parse("192.0.0.0"), 24, "a reserved address"),
        (IPAddress.Parse("192.0.2.0"), 24, "a documentation address"),
        (IPAddress.Parse("192.168.0.0"), 16, "a private address"),
        (IPAddress.Parse("198.18.0.0"), 15, "a benchmarking address"),
        (IPAddress.Parse("198.51.100.0"), 24, "a documentation address"),
        (IPAddress.Parse("203.0.113.0"), 24, "a documentation address"),
        (IPAddress.Parse("224.0.0.0"), 4, "a multicast address"),
        (IPAddress.Parse("240.0.0.0"), 4, "a reserved address"),
        (IPAddress.Parse("::1"), 128, "a loopback address"),
        (IPAddress.Parse("::"), 96, "an unspecified or IPv4-compatible address"),
        (IPAddress.Parse("64:ff9b::"), 96, "a NAT64 address"),
        (IPAddress.Parse("64:ff9b:1::"), 48, "a NAT64 address"),
        (IPAddress.Parse("100::"), 64, "a discard address"),
        (IPAddress.Parse("2001::"), 23, "a reserved IETF address"),
        (IPAddress.Parse("2001:db8::"), 32, "a documentation address"),
        (IPAddress.Parse("2002::"), 16, "a 6to4 address"),
        (IPAddress.Parse("fc00::"), 7, "a private (unique local) address"),
        (IPAddress.Parse("fe80::"), 10, "a link-local address"),
        (IPAddress.Parse("fec0::"), 10, "a site-local address"),
        (IPAddress.Parse("ff00::"), 8, "a multicast address"),
    ];

    /// <summary>Why <paramref name="address"/> is not a public internet address (e.g. "a loopback address"), or null when it is.</summary>
    public static string? Restriction(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var normal = AllowRule.Normalize(address);
        foreach (var (network, prefix, name) in Blocked)
        {
            if (Contains(network, prefix, normal))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="address"/> lies in <paramref name="network"/>/<paramref name="prefixLength"/> (same family only).</summary>
    public static bool Contains(IPAddress network, int prefixLength, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(address);
        if (network.AddressFamily != address.AddressFamily)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[address.AddressFamily == AddressFamily.InterNetwork ? 4 : 16];
        Span<byte> n = stackalloc byte[a.Length];
        address.TryWriteBytes(a, out _);
        network.TryWriteBytes(n, out _);
        var bits = prefixLength;
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (n[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
