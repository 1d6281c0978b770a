using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

/// <summary>A sandbox of its own for tests that reseed it with many records, on a clock the test moves.</summary>
public sealed class LargeTenantSandbox : IAsyncLifetime
{
    private WebApplication? _app;

    internal ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private Uri BaseAddress { get; set; } = null!;

    /// <summary>A client on /sandbox/clientsuccess/ that sends the sandbox API key.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, "/sandbox/clientsuccess/") };
        client.DefaultRequestHeaders.Add("X-API-Key", ClientSuccessHttp.ApiKey);
        return client;
    }

    /// <summary>Reseeds with <paramref name="counts"/> and answers the ClientSuccess counts the reset reports.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> ResetAsync(object counts)
    {
        using var control = new HttpClient { BaseAddress = new Uri(BaseAddress, "/sandbox/") };
        using var response = await control.PostAsJsonAsync("_reset", counts);
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync())["clientsuccess"]!;
    }

    public async Task InitializeAsync() => (_app, BaseAddress) = await SandboxServer.StartAsync(Clock);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
