using System.Net.Http.Json;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Tests.Support;

namespace FlowStudio.Engine.Tests.Connectors;

/// <summary>The Zoho CRM connection against the sandbox's accounts server and record API.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ZohoSignInTests(SandboxServer sandbox) : IAsyncLifetime
{
    private static readonly ApiRequest OneAccount = new(HttpMethod.Get, "/crm/v7/Accounts?fields=Account_Name&per_page=1");

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => sandbox.ResetAsync();

    private static ApiClient CreateSut() => new(new HttpClient(), new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System);

    [Fact]
    public async Task SendAsync_Zoho_SignsInOnceAndReusesTheAccessToken()
    {
        var api = CreateSut();
        var connection = sandbox.ZohoConnection();

        var first = await api.SendAsync(connection, OneAccount);
        var second = await api.SendAsync(connection, OneAccount);

        Assert.Equal((200, 200), (first.StatusCode, second.StatusCode));
        Assert.Equal(["POST /sandbox/zoho/oauth/v2/token", "GET /sandbox/zoho/crm/v7/Accounts", "GET /sandbox/zoho/crm/v7/Accounts"], await RequestsAsync());
    }

    [Fact]
    public async Task SendAsync_ZohoTokenNoLongerValid_SignsInAgainOn401AndRetries()
    {
        var api = CreateSut();
        var connection = sandbox.ZohoConnection();
        await api.SendAsync(connection, OneAccount);
        await sandbox.ResetAsync();

        var response = await api.SendAsync(connection, OneAccount);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["GET /sandbox/zoho/crm/v7/Accounts", "POST /sandbox/zoho/oauth/v2/token", "GET /sandbox/zoho/crm/v7/Accounts"], await RequestsAsync());
    }

    [Fact]
    public async Task SendAsync_ZohoRefusesTheRefreshToken_ReportsTheRefusalWithoutTheSecrets()
    {
        var response = await CreateSut().SendAsync(sandbox.ZohoConnection("1000.revoked-token"), OneAccount);

        Assert.Equal(0, response.StatusCode);
        Assert.Contains("invalid_code", response.TransportError, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-token", response.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("zoho-sandbox-client-secret", response.ToString(), StringComparison.Ordinal);
        Assert.Equal(["POST /sandbox/zoho/oauth/v2/token"], await RequestsAsync());
    }

    private async Task<List<string>> RequestsAsync()
    {
        using var client = sandbox.CreateClient();
        var log = await client.GetFromJsonAsync<List<LoggedRequest>>("_requests");
        return [.. log!.Select(r => $"{r.Method} {r.Path.Split('?')[0]}")];
    }

    private sealed record LoggedRequest(string Method, string Path);
}
