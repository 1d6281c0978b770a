using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Versions;

[Collection(AppCollection.Name)]
public sealed class VersionsApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task Update_DestinationEditedTwice_HasVersions1To3AndTheDiffNamesTheChangedFields()
    {
        using var client = app.CreateClient();
        var (id, request) = await CreateDestinationAsync(client);

        await PutAsync(client, $"/api/destinations/{id}", request with { Manual = request.Manual with { Batching = Batching(50) } });
        await PutAsync(client, $"/api/destinations/{id}", request with { Name = request.Name + " renamed", Manual = request.Manual with { Batching = Batching(50) } });

        var versions = await GetAsync(client, $"/api/destinations/{id}/versions");
        Assert.Equal([3, 2, 1], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.All(versions.EnumerateArray(), v => Assert.Equal(TestAccounts.OwnerEmail, v.GetProperty("author").GetString()));
        var first = await GetAsync(client, $"/api/destinations/{id}/versions/compare?from=1&to=2");
        Assert.Equal(["manual.batching.batchSize"], Fields(first));
        Assert.Equal("10", first.GetProperty("changes")[0].GetProperty("before").GetString());
        Assert.Equal("50", first.GetProperty("changes")[0].GetProperty("after").GetString());
        Assert.Equal(["manual.batching.batchSize", "name"], Fields(await GetAsync(client, $"/api/destinations/{id}/versions/compare?from=1&to=3")));
    }

    [Fact]
    public async Task Restore_Version1_MakesVersion4EqualToVersion1()
    {
        using var client = app.CreateClient();
        var (id, request) = await CreateDestinationAsync(client);
        await PutAsync(client, $"/api/destinations/{id}", request with { Manual = request.Manual with { Batching = Batching(50) } });
        await PutAsync(client, $"/api/destinations/{id}", request with { Name = request.Name + " renamed" });

        var restored = await client.PostJsonAsync($"/api/destinations/{id}/versions/1/restore", new { }, 200);

        Assert.Equal(4, restored.GetProperty("number").GetInt32());
        Assert.Equal(1, restored.GetProperty("restoredFrom").GetInt32());
        var one = await GetAsync(client, $"/api/destinations/{id}/versions/1");
        var four = await GetAsync(client, $"/api/destinations/{id}/versions/4");
        Assert.Equal(one.GetProperty("config").GetRawText(), four.GetProperty("config").GetRawText());
        Assert.Empty(Fields(await GetAsync(client, $"/api/destinations/{id}/versions/compare?from=1&to=4")));
        var saved = await GetAsync(client, $"/api/destinations/{id}");
        Assert.Equal(request.Name, saved.GetProperty("name").GetString());
        Assert.Equal(10, saved.GetProperty("manual").GetProperty("batching").GetProperty("batchSize").GetInt32());
    }

    [Fact]
    public async Task Run_RecordsTheVersionItStartedWith()
    {
        using var client = app.CreateClient();
        var (id, request) = await CreateDestinationAsync(client);
        await PutAsync(client, $"/api/destinations/{id}", request with { Manual = request.Manual with { Batching = Batching(50) } });

        var run = await Flows.RunDestinationAsync(client, id);

        Assert.Equal(2, run.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Versions_UnchangedSaveMakesNoVersion_AndSourcesHaveVersionsToo()
    {
        using var client = app.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new { name = "Hook " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);
        var id = source.GetProperty("id").GetString()!;
        var name = source.GetProperty("name").GetString()!;

        await PutAsync(client, $"/api/sources/{id}", new { name, connector = "webhook" });
        await PutAsync(client, $"/api/sources/{id}", new { name = name + " 2", connector = "webhook" });

        var versions = await GetAsync(client, $"/api/sources/{id}/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        var two = await GetAsync(client, $"/api/sources/{id}/versions/2");
        Assert.Equal(name + " 2", two.GetProperty("config").GetProperty("name").GetString());
        Assert.DoesNotContain("token", two.GetProperty("config").GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/destinations/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sources/{id}/versions/9")).StatusCode);
    }

    private static List<string> Fields(JsonElement comparison) =>
        comparison.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()!).ToList();

    private static object Batching(int size) => new { enabled = true, batchSize = size, algorithm = "property", propertyName = "records" };

    private static async Task<(string Id, DestinationBody Request)> CreateDestinationAsync(HttpClient client)
    {
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 12);
        var request = new DestinationBody(
            "Accounts " + Guid.NewGuid().ToString("N")[..6], datasetId, await client.CredentialIdAsync("Clari Sandbox"),
            new ManualBody("POST", "json", "/v2/ingest/entity/account", Batching(10)));
        var created = await client.PostJsonAsync("/api/destinations", request, 201);
        return (created.GetProperty("id").GetString()!, request);
    }

    private static async Task PutAsync(HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed record DestinationBody(string Name, string DatasetId, string CredentialId, ManualBody Manual);

    private sealed record ManualBody(string Method, string ContentFormat, string Url, object Batching);
}
