using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FlowStudio.Engine.Http;

/// <summary>
/// One entry of <c>Outbound:Allow</c>: a host name, an IP address or a CIDR range, optionally with a port
/// (<c>10.0.0.0/8</c>, <c>127.0.0.1:5100</c>, <c>[::1]:8080</c>, <c>crm.internal</c>).
/// </summary>
public sealed record AllowRule(string? Host, IPAddress? Network, int PrefixLength, int? Port)
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the entry when it is not one.</summary>
    public static AllowRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        int? port = null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"'{text}' is not a host, IP address or CIDR range: a '[' has no ']'.");
            }

            var rest = value[(close + 1)..];
            port = rest.Length == 0 ? null : ParsePort(text, rest.TrimStart(':'));
            value = value[1..close];
        }
        else if (value.Count(c => c == ':') == 1)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            port = ParsePort(text, value[(colon + 1)..]);
            value = value[..colon];
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!IPAddress.TryParse(value[..slash], out var network)
                || !int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
                || prefix > (network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
            {
                throw new FormatException($"'{text}' is not a CIDR range such as 10.0.0.0/8.");
            }

            return new AllowRule(null, Normalize(network), prefix, port);
        }

        if (IPAddress.TryParse(value, out var address))
        {
            var normal = Normalize(address);
            return new AllowRule(null, normal, normal.AddressFamily == AddressFamily.InterNetwork ? 32 : 128, port);
        }

        if (value.Length == 0 || Uri.CheckHostName(value) != UriHostNameType.Dns)
        {
            throw new FormatException($"'{text}' is not a host name, IP address or CIDR range.");
        }

        return new AllowRule(value.ToLowerInvariant(), null, 0, port);
    }

    /// <summary>True when a connection to <paramref name="address"/>:<paramref name="port"/>, asked for as <paramref name="host"/>, is allowed by this entry.</summary>
    public bool Permits(string host, IPAddress address, int port)
    {
        if (Port is { } only && only != port)
        {
            return false;
        }

        if (Host is not null)
        {
            return string.Equals(Host, host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
        }

        return Network is not null && IpRanges.Contains(Network, PrefixLength, Normalize(address));
    }

    internal static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static int ParsePort(string text, string port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 65535
            ? value
            : throw new FormatException($"'{text}' has no valid port after ':'.");
}
