using System.Net;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Lookups;

[Collection(AppCollection.Name)]
public sealed class LookupsApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task Delete_WhileASourceUsesIt_Is409NamingTheSource_ThenDeletesWithItsPastedRows()
    {
        using var client = app.CreateClient();
        var name = "regions" + Guid.NewGuid().ToString("N")[..6];
        var lookup = await client.PostJsonAsync("/api/lookups", new { name, rows = new[] { new { code = "emea" }, new { code = "apac" } } }, 201);
        var lookupId = lookup.GetProperty("id").GetString()!;
        var datasetId = lookup.GetProperty("datasetId").GetString()!;
        var sourceName = "Per region " + Guid.NewGuid().ToString("N")[..6];
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = sourceName,
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            manual = new { method = "GET", url = $"/v2/client/search?region={{{name}.code}}", dataPath = "$.data[*]", lookupIds = new[] { lookupId } },
        }, 201);

        using var refused = await client.DeleteAsync($"/api/lookups/{lookupId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(sourceName, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(name, await client.GetStringAsync("/api/lookups"), StringComparison.Ordinal);

        (await client.DeleteAsync($"/api/sources/{source.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();
        using var deleted = await client.DeleteAsync($"/api/lookups/{lookupId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/lookups"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/datasets/{datasetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/lookups/{lookupId}")).StatusCode);
    }

    [Fact]
    public async Task Create_BadNameAndNoRows_Is400NamingBothFields()
    {
        using var client = app.CreateClient();

        var problem = await client.PostJsonAsync("/api/lookups", new { name = "bad name!", rows = Array.Empty<object>() }, 400);

        var errors = problem.GetProperty("errors");
        Assert.Contains("starting with a letter", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Give at least one row.", errors.GetProperty("rows")[0].GetString());
    }
}
