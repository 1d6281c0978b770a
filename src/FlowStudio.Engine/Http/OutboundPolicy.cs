using System.Net;
using System.Net.Sockets;

namespace FlowStudio.Engine.Http;

/// <summary>
/// The outbound guard against server-side request forgery. Every connection is checked after the host is resolved (in
/// the handler's <see cref="SocketsHttpHandler.ConnectCallback"/>, so a name cannot resolve to one address when checked
/// and another when used): loopback, private, link-local, metadata and reserved addresses are refused in every notation
/// (decimal, hex, IPv4-mapped IPv6) unless an <see cref="AllowRule"/> permits them. URLs are checked before each request
/// and redirect: http(s) only, no user info, and confined origins only under their path.
/// </summary>
public sealed class OutboundPolicy
{
    private readonly IReadOnlyList<AllowRule> _allow;
    private readonly Func<IReadOnlyList<ConfinedOrigin>> _confined;

    /// <summary>A policy with the given allow entries and origins confined to one path (read on each check).</summary>
    public OutboundPolicy(IEnumerable<AllowRule> allow, Func<IReadOnlyList<ConfinedOrigin>>? confined = null)
    {
        ArgumentNullException.ThrowIfNull(allow);
        _allow = [.. allow];
        _confined = confined ?? (() => []);
    }

    /// <summary>How long establishing one connection may take.</summary>
    public static TimeSpan ConnectTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A handler for <see cref="ApiClient"/>'s HttpClient: redirects are not followed by the handler (ApiClient follows
    /// them, dropping credentials across origins) and every connection goes through <see cref="ConnectAsync"/>.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = ConnectAsync,
        ConnectTimeout = ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
        UseProxy = false,
    };

    /// <summary>Why <paramref name="url"/> may not be called, or null when it may (its address is checked on connect).</summary>
    public string? Problem(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return "Only absolute http and https URLs can be called.";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "URLs with a user name or password before the host cannot be called; use a credential instead.";
        }

        foreach (var confined in _confined())
        {
            if (Origins.Same(confined.Origin, url) && !url.AbsolutePath.StartsWith(confined.PathPrefix, StringComparison.Ordinal))
            {
                return $"FlowStudio's own address can only be called under {confined.PathPrefix} (the sandbox).";
            }
        }

        return null;
    }

    /// <summary>
    /// Why <paramref name="url"/> may not be called, as far as can be told without resolving its host (to check a URL when
    /// it is saved): <see cref="Problem"/>, and a host written as an address no rule allows. A host name is checked when it
    /// is resolved, on connect.
    /// </summary>
    public string? ProblemBeforeConnect(Uri url)
    {
        if (Problem(url) is { } problem)
        {
            return problem;
        }

        if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal))
        {
            return Refusal(url.Host, literal, url.Port);
        }

        // "localhost" and its subdomains are loopback by definition (RFC 6761), whatever a resolver says.
        var host = url.IdnHost.TrimEnd('.');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            ? Refusal(url.IdnHost, IPAddress.Loopback, url.Port)
            : null;
    }

    /// <summary>Resolves the host, refuses restricted addresses that no rule allows, and connects to the first permitted one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            throw new OutboundConnectException($"The host name {host} could not be resolved.");
        }

        string? refusal = null;
        foreach (var address in addresses)
        {
            var reason = Refusal(host, address, port);
            if (reason is not null)
            {
                refusal ??= reason;
                continue;
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }

        if (refusal is not null)
        {
            throw new OutboundRefusedException(refusal);
        }

        // One message for refused, unreachable and filtered alike: an error must not tell an open port from a closed one.
        throw new OutboundConnectException($"Could not connect to {host}:{port}.");
    }

    private string? Refusal(string host, IPAddress address, int port)
    {
        var restriction = IpRanges.Restriction(address);
        if (restriction is null)
        {
            return null;
        }

        foreach (var rule in _allow)
        {
            if (rule.Permits(host, address, port))
            {
                return null;
            }
        }

        // A confined origin is reached only by the very host name its URLs name, which Problem has held to its path: another
        // name or notation of the same address (localhost for 127.0.0.1, ::ffff:127.0.0.1) would skip that check.
        foreach (var confined in _confined())
        {
            if (confined.Origin.Port == port && string.Equals(confined.Origin.IdnHost.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return $"{host} resolves to {restriction}, which outbound calls may not reach. If this host is meant to be reached, add it to Outbound:Allow.";
    }
}
