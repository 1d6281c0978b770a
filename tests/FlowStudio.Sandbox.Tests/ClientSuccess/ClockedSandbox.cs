using FlowStudio.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

/// <summary>A sandbox of its own on a loopback port whose clock the test controls, for token-expiry tests.</summary>
public sealed class ClockedSandbox : IAsyncLifetime
{
    private WebApplication? _app;

    internal ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(BaseAddress, "/sandbox/clientsuccess/") };

    private Uri BaseAddress { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSandbox();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        _app = builder.Build();
        _app.MapSandbox();
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
