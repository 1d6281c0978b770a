using FlowStudio.Engine.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FlowStudio.Application.Common;

/// <summary>Turns a base URL that is a path on this host ("/sandbox/clari") into an absolute loopback URL for outbound calls.</summary>
internal sealed class HostAddress(IServer server)
{
    public Uri Resolve(string? baseUrl, string fallback)
    {
        var value = string.IsNullOrWhiteSpace(baseUrl) ? fallback : baseUrl;
        if (!value.StartsWith('/'))
        {
            return new Uri(value);
        }

        return new Uri(Self().TrimEnd('/') + value);
    }

    /// <summary>Every address this host listens on, as origins confined to <paramref name="pathPrefix"/>; empty before the server has started.</summary>
    public IReadOnlyList<ConfinedOrigin> SelfOrigins(string pathPrefix)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var origins = new List<ConfinedOrigin>();
        foreach (var address in addresses)
        {
            var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            origins.Add(new ConfinedOrigin(uri, pathPrefix));
            if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
            {
                origins.Add(new ConfinedOrigin(new Uri($"{uri.Scheme}://127.0.0.1:{uri.Port}"), pathPrefix));
                origins.Add(new ConfinedOrigin(new Uri($"{uri.Scheme}://[::1]:{uri.Port}"), pathPrefix));
                origins.Add(new ConfinedOrigin(new Uri($"{uri.Scheme}://localhost:{uri.Port}"), pathPrefix));
            }
        }

        return origins;
    }

    private string Self()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no listening address yet.");
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost" ? "127.0.0.1" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
