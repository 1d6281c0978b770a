using System.Net;
using System.Text.Json;

namespace FlowStudio.Sandbox.Tests.Clari;

[Collection(SandboxCollection.Name)]
public sealed class ClariAuthTests(SandboxServer sandbox)
{
    [Theory]
    [InlineData("v4/admin/limits")]
    [InlineData("v4/export/jobs")]
    [InlineData("v4/audit/events")]
    [InlineData("v4/forecast/net_new_arr")]
    public async Task ExportRoutes_WithoutApiKey_Return401Message(string path)
    {
        using var client = ClariHttp.CreateClient(sandbox, apiKey: false);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid authentication credentials", (await ClariHttp.ReadJsonAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Export_WrongApiKey_Returns401Message()
    {
        using var client = ClariHttp.CreateClient(sandbox, apiKey: false);
        client.DefaultRequestHeaders.Add("apikey", "not-the-key");

        var response = await client.PostAsync("v4/export/forecast/net_new_arr", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid authentication credentials", (await ClariHttp.ReadJsonAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Ingest_WrongApiKeyWithPartnerKey_Returns401Message()
    {
        using var client = ClariHttp.CreateClient(sandbox, apiKey: false);
        client.DefaultRequestHeaders.Add("apikey", "not-the-key");

        var response = await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("auth-", 1));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid authentication credentials", (await ClariHttp.ReadJsonAsync(response)).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-partner")]
    public async Task Ingest_MissingOrWrongPartnerKey_Returns401InvalidPartnerKey(string? partnerKey)
    {
        using var client = ClariHttp.CreateClient(sandbox, partnerKey: false);
        if (partnerKey is not null)
        {
            client.DefaultRequestHeaders.Add("partnerkey", partnerKey);
        }

        var response = await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("auth-", 1));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = Assert.Single((await ClariHttp.ReadJsonAsync(response)).EnumerateArray());
        Assert.Equal("INVALID_PARTNER_KEY", error.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("errorSummary").GetString()));
    }

    [Fact]
    public async Task Bulk_MissingPartnerKey_Returns401InvalidPartnerKey()
    {
        using var client = ClariHttp.CreateClient(sandbox, partnerKey: false);

        var response = await client.PostAsync("v2/ingest/bulk/entity/account", ClariHttp.BulkFile("[]"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_PARTNER_KEY", (await ClariHttp.ReadJsonAsync(response))[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task IngestJobStatus_WrongApiKey_Returns401WithErrorField()
    {
        using var client = ClariHttp.CreateClient(sandbox, apiKey: false);
        client.DefaultRequestHeaders.Add("apikey", "not-the-key");

        var response = await client.GetAsync("v2/ingest/job/64eef062b1a00d40e5f0bac5");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await ClariHttp.ReadJsonAsync(response);
        Assert.Equal("Invalid authentication credentials", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task IngestJobStatus_MissingPartnerKey_Returns401InvalidPartnerKey()
    {
        using var client = ClariHttp.CreateClient(sandbox, partnerKey: false);

        var response = await client.GetAsync("v2/ingest/job/64eef062b1a00d40e5f0bac5");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await ClariHttp.ReadJsonAsync(response)).ValueKind);
    }

    [Fact]
    public async Task Export_ApiKeyOnly_IsEnough()
    {
        using var client = ClariHttp.CreateClient(sandbox, partnerKey: false);

        var response = await client.GetAsync("v4/admin/limits");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
