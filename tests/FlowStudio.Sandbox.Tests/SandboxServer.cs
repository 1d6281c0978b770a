using FlowStudio.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Sandbox.Tests;

/// <summary>The sandbox on a free loopback port, reached over real HTTP.</summary>
public sealed class SandboxServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient CreateClient(string path = "/sandbox/") => new() { BaseAddress = new Uri(BaseAddress, path) };

    public async Task InitializeAsync() => (_app, BaseAddress) = await StartAsync(clock: null);

    /// <summary>Starts a sandbox on a free loopback port, optionally on a clock the test controls.</summary>
    internal static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(TimeProvider? clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSandbox();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new Uri(address));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxServer>
{
    public const string Name = "sandbox";
}
