using System.Net.Http.Headers;
using System.Text.Json;
using FlowStudio.Sandbox.Tests.Clari;
using FlowStudio.Sandbox.Zoho;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Sandbox.Tests.Zoho;

/// <summary>A sandbox of its own whose clock the Zoho tests move; each test starts from <see cref="ResetAsync"/>.</summary>
public sealed class ZohoHost : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private WebApplication? _app;

    public ManualTimeProvider Clock { get; } = new(Now);

    public ZohoStore Store => _app!.Services.GetRequiredService<ZohoStore>();

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync() => (_app, BaseAddress) = await SandboxServer.StartAsync(Clock);

    public HttpClient CreateAnonymousClient() => new() { BaseAddress = new Uri(BaseAddress, "/sandbox/zoho/") };

    /// <summary>A client carrying a fresh access token from the refresh-token grant.</summary>
    public async Task<HttpClient> CreateClientAsync()
    {
        var client = CreateAnonymousClient();
        var token = await ZohoHttp.ReadJsonAsync(await ZohoHttp.RequestTokenAsync(client));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token.GetProperty("access_token").GetString());
        return client;
    }

    /// <summary>Seeded records back, faults off, options and clock as at start.</summary>
    public async Task ResetAsync()
    {
        Clock.Set(Now);
        Store.Options = ZohoOptions.Default;
        using var control = new HttpClient { BaseAddress = new Uri(BaseAddress, "/sandbox/") };
        (await control.PostAsync("_reset", null)).EnsureSuccessStatusCode();
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
public sealed class ZohoCollection : ICollectionFixture<ZohoHost>
{
    public const string Name = "zoho";
}

/// <summary>Calls to the Zoho CRM simulator as a client would make them.</summary>
internal static class ZohoHttp
{
    public static Task<HttpResponseMessage> RequestTokenAsync(
        HttpClient client, string clientId = ZohoAccount.ClientId, string clientSecret = ZohoAccount.ClientSecret, string refreshToken = ZohoAccount.RefreshToken) =>
        client.PostAsync("oauth/v2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["refresh_token"] = refreshToken,
        }));

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Task<HttpResponseMessage> SendJsonAsync(HttpClient client, HttpMethod method, string path, object body) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = System.Net.Http.Json.JsonContent.Create(body, options: ZohoWire) });

    /// <summary>Zoho's field names are case-sensitive API names, so bodies keep the property names as written.</summary>
    private static readonly JsonSerializerOptions ZohoWire = new();
}
