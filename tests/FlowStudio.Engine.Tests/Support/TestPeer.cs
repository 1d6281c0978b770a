using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Engine.Tests.Support;

/// <summary>
/// A tiny real HTTP server on a free loopback port for behaviour the sandbox does not have
/// (endless or repeating APIs, Link headers, counted auth calls). A test peer, not a mock.
/// </summary>
public sealed class TestPeer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestPeer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>An absolute URL on this peer for <paramref name="pathAndQuery"/> ("/items?page=1").</summary>
    public string Url(string pathAndQuery) => BaseAddress.ToString().TrimEnd('/') + pathAndQuery;

    /// <summary>Starts a server whose endpoints <paramref name="map"/> defines.</summary>
    public static async Task<TestPeer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestPeer(app, new Uri(address));
    }

    /// <summary>A loopback port nothing listens on (just released by the OS).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
