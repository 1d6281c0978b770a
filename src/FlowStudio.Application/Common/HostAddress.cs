using FlowStudio.Engine.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using FlowStudio.Application.Sandbox;

namespace FlowStudio.Application.Common;

/// <summary>
/// Turns a base URL that is a path on this host ("/sandbox/clari") into an absolute loopback URL for outbound calls; a
/// sandbox path goes to <see cref="SandboxOptions.Url"/> when set (a worker reaches the web instance's sandbox).
/// </summary>
internal sealed class HostAddress(IServer server, IOptions<SandboxOptions> sandbox)
{
    public const string SandboxPrefix = "/sandbox/";

    public Uri Resolve(string? baseUrl, string fallback)
    {
        var value = string.IsNullOrWhiteSpace(baseUrl) ? fallback : baseUrl;
        if (!value.StartsWith('/'))
        {
            return new Uri(value);
        }

        var root = value.StartsWith(SandboxPrefix, StringComparison.Ordinal) && SandboxOrigin is { } elsewhere ? elsewhere.ToString() : Self();
        return new Uri(root.TrimEnd('/') + value);
    }

    /// <summary>The origin of the web instance that mounts the sandbox for this one, if configured.</summary>
    public Uri? SandboxOrigin { get; } =
        string.IsNullOrWhiteSpace(sandbox.Value.Url) ? null : new Uri(new Uri(sandbox.Value.Url).GetLeftPart(UriPartial.Authority));

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
