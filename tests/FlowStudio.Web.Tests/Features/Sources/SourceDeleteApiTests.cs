using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Sources;

[Collection(AppCollection.Name)]
public sealed class SourceDeleteApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task Delete_SourceWithDestinations_Refuses409NamingThemThenCascadeDeletesThemWithIt()
    {
        using var client = app.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new { name = "Orders " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);
        var id = source.GetProperty("id").GetString()!;
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Orders to Clari",
            datasetId = source.GetProperty("datasetId").GetString(),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", url = "/v2/ingest/entity/account?mode=incremental&isLastBatch=false" },
        }, 201);
        var destinationId = destination.GetProperty("id").GetString()!;

        var refused = await client.DeleteAsync($"/api/sources/{id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("“Orders to Clari”", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("?cascade=true", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(destinationId, problem.GetProperty("destinations")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/sources/{id}")).StatusCode);

        var cascaded = await client.DeleteAsync($"/api/sources/{id}?cascade=true");

        Assert.Equal(HttpStatusCode.NoContent, cascaded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/destinations/{destinationId}")).StatusCode);
    }

    [Fact]
    public async Task Delete_SourceWithoutDestinations_Deletes()
    {
        using var client = app.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new { name = "Alone " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);

        var response = await client.DeleteAsync($"/api/sources/{source.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Delete_Missing_Is404()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/sources/src_missing?cascade=true")).StatusCode);
    }

    [Fact]
    public async Task Put_WithoutTheRecordKey_ReplacesTheWholeConfigurationAndClearsIt()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Keyed contracts",
            credentialId,
            manual = new { url = "/v2/contract/search", dataPath = "$.data[*]", key = "id" },
        }, 201);
        var id = source.GetProperty("id").GetString()!;
        Assert.Equal("id", source.GetProperty("manual").GetProperty("key").GetString());

        var response = await client.PutAsJsonAsync($"/api/sources/{id}", new { name = "Keyed contracts", credentialId, manual = new { url = "/v2/contract/search", dataPath = "$.data[*]" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{id}")).RootElement;
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("manual").GetProperty("key").ValueKind);
    }
}
