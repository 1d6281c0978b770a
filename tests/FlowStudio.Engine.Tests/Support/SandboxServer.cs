using System.Net.Http.Json;
using FlowStudio.Engine.Connectors;
using FlowStudio.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Engine.Tests.Support;

/// <summary>The sandbox simulators on a free loopback port over real Kestrel, shared by a test collection.</summary>
public sealed class SandboxServer : IAsyncLifetime
{
    public const string ClientSuccessUser = "sandbox@flowstudio.local";
    public const string ClientSuccessPassword = "sandbox";
    public const string ClientSuccessApiKey = "cs-sandbox-key";
    public const string ClariApiKey = "clari-sandbox-key";
    public const string ClariPartnerKey = "clari-sandbox-partner";

    private WebApplication? _app;

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Uri ClientSuccessBaseUrl => new(BaseAddress, "/sandbox/clientsuccess");

    public Uri ClariBaseUrl => new(BaseAddress, "/sandbox/clari");

    /// <summary>A Zoho CRM connection whose accounts server and API are the sandbox's.</summary>
    public Connection ZohoConnection(string refreshToken = "1000.zoho-sandbox-refresh-token") => new(
        "zoho",
        new Uri(BaseAddress, "/sandbox/zoho"),
        new Dictionary<string, string>
        {
            ["accountsUrl"] = new Uri(BaseAddress, "/sandbox/zoho").AbsoluteUri,
            ["clientId"] = "1000.ZOHOSANDBOXCLIENT",
            ["clientSecret"] = "zoho-sandbox-client-secret",
            ["refreshToken"] = refreshToken,
        });

    public HttpClient CreateClient(string path = "/sandbox/") => new() { BaseAddress = new Uri(BaseAddress, path) };

    /// <summary>A ClientSuccess connection that signs in with the sandbox user and password.</summary>
    public Connection ClientSuccessConnection() => new(
        "clientsuccess",
        ClientSuccessBaseUrl,
        new Dictionary<string, string> { ["username"] = ClientSuccessUser, ["password"] = ClientSuccessPassword });

    /// <summary>A ClientSuccess connection that uses the sandbox API key.</summary>
    public Connection ClientSuccessApiKeyConnection() => new(
        "clientsuccess",
        ClientSuccessBaseUrl,
        new Dictionary<string, string> { ["apiKey"] = ClientSuccessApiKey });

    public Connection ClariConnection() => new(
        "clari",
        ClariBaseUrl,
        new Dictionary<string, string> { ["apiKey"] = ClariApiKey, ["partnerKey"] = ClariPartnerKey });

    /// <summary>Reseeds the simulators and clears faults.</summary>
    public async Task ResetAsync()
    {
        using var client = CreateClient();
        using var response = await client.PostAsync("_reset", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Plans faults: probabilities from 0 to 1 (see <c>FaultSettings</c>).</summary>
    public async Task SetFaultsAsync(double rate429 = 0, int retryAfterSeconds = 1, double rate5xx = 0, int latencyMs = 0, double dropRate = 0)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("_faults", new { rate429, retryAfterSeconds, rate5xx, latencyMs, dropRate });
        response.EnsureSuccessStatusCode();
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSandbox();
        _app = builder.Build();
        _app.MapSandbox();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Tests in this collection share one <see cref="SandboxServer"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxServer>
{
    public const string Name = "sandbox";
}
