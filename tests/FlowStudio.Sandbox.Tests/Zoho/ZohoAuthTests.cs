using System.Net;
using System.Net.Http.Headers;

namespace FlowStudio.Sandbox.Tests.Zoho;

[Collection(ZohoCollection.Name)]
public sealed class ZohoAuthTests(ZohoHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Token_RefreshTokenGrant_ReturnsBearerTokenAndApiDomainThatServesRecords()
    {
        using var client = host.CreateAnonymousClient();

        var response = await ZohoHttp.RequestTokenAsync(client);
        var token = await ZohoHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(3600, token.GetProperty("expires_in").GetInt32());
        var apiDomain = token.GetProperty("api_domain").GetString()!;
        Assert.Equal(new Uri(host.BaseAddress, "/sandbox/zoho").ToString(), apiDomain);
        using var api = new HttpClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token.GetProperty("access_token").GetString());
        var records = await api.GetAsync($"{apiDomain}/crm/v7/Accounts?fields=Account_Name&per_page=1");
        Assert.Equal(HttpStatusCode.OK, records.StatusCode);
    }

    [Theory]
    [InlineData("1000.WRONG", "zoho-sandbox-client-secret", "1000.zoho-sandbox-refresh-token", "invalid_client")]
    [InlineData("1000.ZOHOSANDBOXCLIENT", "wrong-secret", "1000.zoho-sandbox-refresh-token", "invalid_client")]
    [InlineData("1000.ZOHOSANDBOXCLIENT", "zoho-sandbox-client-secret", "1000.revoked", "invalid_code")]
    public async Task Token_WrongValues_Returns200WithZohoError(string clientId, string secret, string refreshToken, string error)
    {
        using var client = host.CreateAnonymousClient();

        var response = await ZohoHttp.RequestTokenAsync(client, clientId, secret, refreshToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ZohoHttp.ReadJsonAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Zoho-oauthtoken")]
    public async Task Records_WithoutValidToken_Returns401InvalidToken(string? scheme)
    {
        using var client = host.CreateAnonymousClient();
        if (scheme is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", scheme == "Bearer" ? $"Bearer {await TokenAsync(client)}" : $"{scheme} 1000.made-up");
        }

        var response = await client.GetAsync("crm/v7/Accounts?fields=Account_Name");

        await AssertInvalidTokenAsync(response);
    }

    [Fact]
    public async Task Records_TokenAfterExpiry_Returns401InvalidTokenUntilRefreshed()
    {
        using var client = await host.CreateClientAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(3599));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("crm/v7/Accounts?fields=Account_Name&per_page=1")).StatusCode);

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        await AssertInvalidTokenAsync(await client.GetAsync("crm/v7/Accounts?fields=Account_Name&per_page=1"));

        using var refreshed = await host.CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await refreshed.GetAsync("crm/v7/Accounts?fields=Account_Name&per_page=1")).StatusCode);
    }

    [Fact]
    public async Task Records_OverPerMinuteLimit_Returns429TooManyRequestsUntilTheMinutePasses()
    {
        host.Store.Options = host.Store.Options with { RequestsPerMinute = 3 };
        using var client = await host.CreateClientAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("crm/v7/Accounts?fields=Account_Name&per_page=1")).StatusCode);
        }

        var limited = await client.GetAsync("crm/v7/Accounts?fields=Account_Name&per_page=1");
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        var after = await client.GetAsync("crm/v7/Accounts?fields=Account_Name&per_page=1");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var body = await ZohoHttp.ReadJsonAsync(limited);
        Assert.Equal(("TOO_MANY_REQUESTS", "error"), (body.GetProperty("code").GetString(), body.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient client) =>
        (await ZohoHttp.ReadJsonAsync(await ZohoHttp.RequestTokenAsync(client))).GetProperty("access_token").GetString()!;

    private static async Task AssertInvalidTokenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await ZohoHttp.ReadJsonAsync(response);
        Assert.Equal(("INVALID_TOKEN", "error"), (body.GetProperty("code").GetString(), body.GetProperty("status").GetString()));
    }
}
