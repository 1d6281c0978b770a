using System.Diagnostics;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Tests.Support;

namespace FlowStudio.Engine.Tests.Http;

/// <summary>The retry pipeline against the sandbox's injected faults.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ApiClientSandboxTests(SandboxServer sandbox) : IAsyncLifetime
{
    private static readonly RetryOptions Fast = new() { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) };

    private static readonly ApiRequest SearchPulses = new(HttpMethod.Get, "/v2/pulse/search?size=5");

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => sandbox.ResetAsync();

    private static ApiClient CreateSut() => new(new HttpClient(), new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System);

    [Fact]
    public async Task SendAsync_SandboxAlwaysFailsWith5xx_ReturnsTheLastErrorAfterMaxRetriesPlusOneAttempts()
    {
        await sandbox.SetFaultsAsync(rate5xx: 1);

        var response = await CreateSut().SendAsync(sandbox.ClientSuccessApiKeyConnection(), SearchPulses, Fast);

        Assert.Contains(response.StatusCode, new[] { 500, 503 });
        Assert.Equal(3, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_SandboxRateLimitsEveryCall_HonoursRetryAfterThenReturnsThe429()
    {
        await sandbox.SetFaultsAsync(rate429: 1, retryAfterSeconds: 1);

        var watch = Stopwatch.StartNew();
        var response = await CreateSut().SendAsync(sandbox.ClientSuccessApiKeyConnection(), SearchPulses, Fast with { MaxRetries = 1 });

        Assert.Equal(429, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        Assert.Equal("1", response.Headers["Retry-After"]);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_SandboxDropsEveryConnection_ReportsATransportError()
    {
        await sandbox.SetFaultsAsync(dropRate: 1);

        var response = await CreateSut().SendAsync(sandbox.ClariConnection(), new ApiRequest(HttpMethod.Get, "/v4/export/jobs"), Fast);

        Assert.Equal(0, response.StatusCode);
        Assert.Equal(3, response.Attempts);
        Assert.NotNull(response.TransportError);
    }

    [Fact]
    public async Task SendAsync_SandboxFaultsHalfTheCalls_EveryCallStillSucceeds()
    {
        await sandbox.SetFaultsAsync(rate429: 0.2, retryAfterSeconds: 0, rate5xx: 0.2, dropRate: 0.1);
        var api = CreateSut();
        var patient = Fast with { MaxRetries = 10, MaxDelay = TimeSpan.FromMilliseconds(50) };

        var responses = new List<ApiResponse>();
        for (var i = 0; i < 20; i++)
        {
            responses.Add(await api.SendAsync(sandbox.ClientSuccessConnection(), SearchPulses, patient));
        }

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Contains(responses, r => r.Attempts > 1);
    }
}
