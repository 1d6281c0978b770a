using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Security;

/// <summary>Credentials stay on their origin, and user URLs cannot reach loopback, private or metadata addresses.</summary>
[Collection(AppCollection.Name)]
public sealed class OutboundApiTests(FlowStudioApp app)
{
    [Theory]
    [InlineData("ClientSuccess Sandbox")]
    [InlineData("Clari Sandbox")]
    public async Task TestUnsaved_CredentialWithUrlOnAnotherOrigin_Is400AndNothingIsSent(string credential)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync(credential);

        var response = await client.PostAsync("/api/sources/test", Json(new
        {
            name = "steal",
            credentialId,
            manual = new { url = $"http://127.0.0.1:{port}/collect", dataPath = "$.data[*]" },
        }));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("url", JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("is not the credential's API", body, StringComparison.Ordinal);
        Assert.False(listener.Pending(), "a connection reached the other origin");
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local or cloud metadata")]
    [InlineData("http://2130706433:9/api/credentials", "loopback")]
    [InlineData("http://0x7f000001:9/api/credentials", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]:9/api/credentials", "loopback")]
    [InlineData("http://10.0.0.1/", "private")]
    public async Task TestUnsaved_RestUrlOnRestrictedAddress_IsRefusedByTheGuard(string url, string reason)
    {
        using var client = app.CreateClient();
        var credentialId = await NoAuthRestCredentialAsync(client);
        var target = url.Replace("{port}", client.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var response = await client.PostAsync("/api/sources/test", Json(new { name = "ssrf", credentialId, manual = new { url = target, dataPath = "$[*]" } }));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Contains("Outbound:Allow", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestUnsaved_AppsOwnApiThroughTheSandboxOrigin_IsRefused()
    {
        using var client = app.CreateClient();
        var credentialId = await NoAuthRestCredentialAsync(client);
        var self = $"http://127.0.0.1:{client.BaseAddress!.Port}";

        var api = await client.PostAsync("/api/sources/test", Json(new { name = "self", credentialId, manual = new { url = self + "/api/credentials", dataPath = "$[*]" } }));
        var sandbox = await client.PostAsync("/api/sources/test", Json(new { name = "self", credentialId, manual = new { url = self + "/sandbox/clientsuccess/v2/client/search", dataPath = "$" } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Contains("only be called under /sandbox/", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The sandbox is reachable (it answers with its own 401 for a request without its key), the rest of the app is not.
        var sandboxBody = await sandbox.Content.ReadAsStringAsync();
        Assert.DoesNotContain("only be called under", sandboxBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Outbound:Allow", sandboxBody, StringComparison.Ordinal);
    }

    private static async Task<string> NoAuthRestCredentialAsync(HttpClient client)
    {
        var created = await client.PostJsonAsync("/api/credentials", new
        {
            connector = "rest",
            name = "Open REST " + Guid.NewGuid().ToString("N")[..8],
            fields = new { baseUrl = "https://api.example.com", authType = "none" },
        }, 201);
        return created.GetProperty("id").GetString()!;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
