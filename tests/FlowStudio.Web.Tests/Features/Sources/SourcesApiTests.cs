using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Sources;

[Collection(AppCollection.Name)]
public sealed class SourcesApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task SearchPulses_CreateTestRun_Stores300RecordsFrom3Pages()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");

        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Pulses " + Guid.NewGuid().ToString("N")[..6],
            credentialId,
            templateId = "clientsuccess.search-pulses",
            parameters = new { },
        }, 201);
        var sourceId = source.GetProperty("id").GetString()!;
        var datasetId = source.GetProperty("datasetId").GetString()!;
        Assert.Equal("paused", source.GetProperty("status").GetString());

        var test = await client.PostJsonAsync($"/api/sources/{sourceId}/test", new { }, 200);
        Assert.Equal(50, test.GetProperty("records").GetArrayLength());
        Assert.Contains("$.data[*]", test.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(200, test.GetProperty("requests")[0].GetProperty("status").GetInt32());

        var started = await client.PostJsonAsync($"/api/sources/{sourceId}/run", new { }, 202);
        var run = await client.WaitForRunAsync(started.GetProperty("runId").GetString()!);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(300, run.GetProperty("recordsRead").GetInt64());
        Assert.Equal(3, run.GetProperty("requests").GetInt32());

        var dataset = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}")).RootElement;
        Assert.Equal(300, dataset.GetProperty("recordCount").GetInt64());
        Assert.Contains("clientId", dataset.GetProperty("schema").EnumerateArray().Select(f => f.GetProperty("name").GetString()));

        var page = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records?limit=10&offset=295")).RootElement;
        Assert.Equal(300, page.GetProperty("total").GetInt64());
        Assert.Equal(5, page.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Run_Twice_KeyedDatasetHoldsEachRecordOnce()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var source = await client.PostJsonAsync("/api/sources", new { name = "Contracts twice", credentialId, templateId = "clientsuccess.search-contracts" }, 201);
        var id = source.GetProperty("id").GetString()!;

        for (var i = 0; i < 2; i++)
        {
            var started = await client.PostJsonAsync($"/api/sources/{id}/run", new { }, 202);
            Assert.Equal("succeeded", (await client.WaitForRunAsync(started.GetProperty("runId").GetString()!)).GetProperty("status").GetString());
        }

        var dataset = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{source.GetProperty("datasetId").GetString()}")).RootElement;
        Assert.Equal(120, dataset.GetProperty("recordCount").GetInt64());
    }

    [Theory]
    [InlineData("url", "not a url {now-}", "$.data[*]")]
    [InlineData("dataPath", "/v2/pulse/search", "$.data[")]
    [InlineData("url", "/v2/client/{nolookup.col}", "$.data[*]")]
    public async Task Create_InvalidManualField_Returns400NamingFieldAndStoresNothing(string field, string url, string dataPath)
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var name = "Broken " + Guid.NewGuid().ToString("N")[..6];

        var response = await client.PostAsJsonAsync("/api/sources", new { name, credentialId, manual = new { method = "GET", url, dataPath } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/sources"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadHeaderString_Returns400NamingHeaders()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var response = await client.PostAsJsonAsync("/api/sources", new
        {
            name = "Bad header",
            credentialId,
            manual = new { url = "https://api.example.com/x", headers = new Dictionary<string, string> { ["bad header"] = "v" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("headers", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MissingRequiredTemplateParameter_Returns400()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var response = await client.PostAsJsonAsync("/api/sources", new { name = "Get contract", credentialId, templateId = "clientsuccess.get-contract", parameters = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("parameters.contractId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TemplateOfOtherConnector_Returns400NamingCredential()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("Clari Sandbox");
        var response = await client.PostAsJsonAsync("/api/sources", new { name = "Wrong", credentialId, templateId = "clientsuccess.search-pulses" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("credentialId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupMacro_RunsOncePerContract()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var ids = await ContractIdsAsync(client, 3);

        var lookup = await client.PostJsonAsync("/api/lookups", new
        {
            name = "contracts" + Guid.NewGuid().ToString("N")[..4],
            keyColumn = "id",
            rows = ids.Select(id => new { id }).ToArray(),
        }, 201);
        var lookupName = lookup.GetProperty("name").GetString();

        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Each contract",
            credentialId,
            manual = new
            {
                method = "GET",
                url = $"/v2/contract/{{{lookupName}.id}}",
                dataPath = "$",
                lookupIds = new[] { lookup.GetProperty("id").GetString() },
            },
        }, 201);

        var started = await client.PostJsonAsync($"/api/sources/{source.GetProperty("id").GetString()}/run", new { }, 202);
        var run = await client.WaitForRunAsync(started.GetProperty("runId").GetString()!);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        Assert.Equal(3, run.GetProperty("requests").GetInt32());

        var records = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{source.GetProperty("datasetId").GetString()}/records?limit=1000")).RootElement;
        var rows = records.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(r.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), r.GetProperty("_lookupKey").GetString()));
        Assert.Equal(ids.Order().ToList(), rows.Select(r => r.GetProperty("id").GetInt64()).Order().ToList());
    }

    [Fact]
    public async Task Update_ValidThenInvalid_AppliesTheFirstAndKeepsItAfterTheSecond()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var source = await client.PostJsonAsync("/api/sources", new { name = "Before", credentialId, templateId = "clientsuccess.search-pulses" }, 201);
        var id = source.GetProperty("id").GetString()!;

        var updated = await client.PutAsJsonAsync($"/api/sources/{id}", new { name = "After", credentialId, templateId = "clientsuccess.search-pulses", parameters = new { subject = "renewal" } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var rejected = await client.PutAsJsonAsync($"/api/sources/{id}", new { name = "Broken", credentialId, manual = new { url = "{now-}" } });
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("url", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{id}")).RootElement;
        Assert.Equal("After", stored.GetProperty("name").GetString());
        Assert.Equal("renewal", stored.GetProperty("parameters").GetProperty("subject").GetString());
        Assert.Equal(source.GetProperty("datasetId").GetString(), stored.GetProperty("datasetId").GetString());
    }

    private static async Task<List<long>> ContractIdsAsync(HttpClient client, int count)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/sandbox/clientsuccess/v2/contract/search?size={count}");
        request.Headers.Add("X-API-Key", "cs-sandbox-key");
        var response = await client.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return json.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
    }
}
