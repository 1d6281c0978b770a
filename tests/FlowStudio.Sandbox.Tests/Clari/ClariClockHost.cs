using FlowStudio.Sandbox.Clari;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Sandbox.Tests.Clari;

/// <summary>A second sandbox on its own loopback port whose clock the tests control, for timing and quota rules.</summary>
public sealed class ClariClockHost : IAsyncLifetime
{
    private WebApplication? _app;

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 5, 10, 9, 30, 0, TimeSpan.Zero));

    public ClariStore Store => _app!.Services.GetRequiredService<ClariStore>();

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient CreateClient() => ClariHttp.CreateClient(new Uri(BaseAddress, "/sandbox/clari/"));

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
