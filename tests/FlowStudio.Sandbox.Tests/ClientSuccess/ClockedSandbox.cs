using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

/// <summary>A sandbox of its own on a loopback port whose clock the test controls, for token-expiry tests.</summary>
public sealed class ClockedSandbox : IAsyncLifetime
{
    private WebApplication? _app;

    internal ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(BaseAddress, "/sandbox/clientsuccess/") };

    private Uri BaseAddress { get; set; } = null!;

    public async Task InitializeAsync() => (_app, BaseAddress) = await SandboxServer.StartAsync(Clock);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
