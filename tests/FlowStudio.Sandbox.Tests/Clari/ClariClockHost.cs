using FlowStudio.Sandbox.Clari;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Sandbox.Tests.Clari;

/// <summary>A second sandbox on its own loopback port whose clock the tests control, for timing and quota rules.</summary>
public sealed class ClariClockHost : IAsyncLifetime
{
    private WebApplication? _app;

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 5, 10, 9, 30, 0, TimeSpan.Zero));

    public ClariStore Store => _app!.Services.GetRequiredService<ClariStore>();

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient CreateClient() => ClariHttp.CreateClient(new Uri(BaseAddress, "/sandbox/clari/"));

    public async Task InitializeAsync() => (_app, BaseAddress) = await SandboxServer.StartAsync(Clock);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
