using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.FlowTransfer;

[Collection(AppCollection.Name)]
public sealed class FlowTransferApiTests(FlowStudioApp app)
{
    private const string ClientsToAccounts = """
        function group(records) {
          return [{ sourceEntity: 'account', records: records.map(function (c) {
            return { id: 'cs-' + c.id, name: c.name, createdAt: 1700000000000, updatedAt: 1700000000000 };
          }) }];
        }
        """;

    [Fact]
    public async Task Import_ExportedThenDeletedFlow_RecreatesItPausedWithNewIdsAndItRuns()
    {
        using var client = app.CreateClient();
        var (sourceId, destinationId) = await CreateFlowAsync(client, "Clients " + Guid.NewGuid().ToString("N")[..6]);
        var sourceBefore = await GetAsync(client, $"/api/sources/{sourceId}");
        var destinationBefore = await GetAsync(client, $"/api/destinations/{destinationId}");
        var document = await GetAsync(client, $"/api/flows/{sourceId}/export");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/sources/{sourceId}?cascade=true")).StatusCode);

        var imported = await client.PostJsonAsync("/api/flows/import", new
        {
            document,
            credentials = new Dictionary<string, string>
            {
                ["ClientSuccess Sandbox"] = await client.CredentialIdAsync("ClientSuccess Sandbox"),
                ["Clari Sandbox"] = await client.CredentialIdAsync("Clari Sandbox"),
            },
        }, 201);

        var source = imported.GetProperty("source");
        var destination = imported.GetProperty("destinations")[0];
        Assert.NotEqual(sourceId, source.GetProperty("id").GetString());
        Assert.NotEqual(destinationId, destination.GetProperty("id").GetString());
        Assert.Equal("paused", source.GetProperty("status").GetString());
        Assert.Equal("paused", destination.GetProperty("status").GetString());
        Assert.Equal(source.GetProperty("datasetId").GetString(), destination.GetProperty("datasetId").GetString());
        AssertSameConfig(sourceBefore, source, "name", "credentialId", "templateId", "parameters", "manual", "schedule", "cursorField");
        AssertSameConfig(destinationBefore, destination, "name", "credentialId", "templateId", "parameters", "manual", "sync", "excludeAttributes");

        var read = await Flows.RunSourceAsync(client, source.GetProperty("id").GetString()!);
        Assert.Equal(250, read.GetProperty("recordsRead").GetInt64());
        var sent = await Flows.RunDestinationAsync(client, destination.GetProperty("id").GetString()!);
        Assert.Equal("succeeded", sent.GetProperty("status").GetString());
        Assert.Equal(250, sent.GetProperty("recordsSent").GetInt64());
    }

    [Fact]
    public async Task Import_FlowWithATransform_PutsTheTransformBackBetweenTheSourceAndTheDestinationItFeeds()
    {
        using var client = app.CreateClient();
        var name = "Filtered " + Guid.NewGuid().ToString("N")[..6];
        var (sourceId, _) = await CreateFlowAsync(client, name);
        var datasetId = (await GetAsync(client, $"/api/sources/{sourceId}")).GetProperty("datasetId").GetString();
        object[] steps =
        [
            new { kind = "filter", match = "all", conditions = new[] { new { field = "name", @operator = "isNotEmpty", value = "" } } },
            new { kind = "compute", field = "origin", expression = "'imported flow'" },
        ];
        var transform = await client.PostJsonAsync("/api/transforms", new { name = name + " named", inputDatasetId = datasetId, steps }, 201);
        await client.PostJsonAsync("/api/destinations", new
        {
            name = name + " named to Clari",
            datasetId = transform.GetProperty("datasetId").GetString(),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", contentFormat = "json", url = "/v2/ingest/entity/account", batching = new { enabled = true, batchSize = 100, algorithm = "code", code = ClientsToAccounts } },
        }, 201);
        var document = await GetAsync(client, $"/api/flows/{sourceId}/export");
        Assert.Equal(2, document.GetProperty("formatVersion").GetInt32());
        var exported = Assert.Single(document.GetProperty("transforms").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, exported.GetProperty("input").ValueKind);
        Assert.Equal(2, document.GetProperty("destinations").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/sources/{sourceId}?cascade=true")).StatusCode);

        var imported = await client.PostJsonAsync("/api/flows/import", new
        {
            document,
            credentials = new Dictionary<string, string>
            {
                ["ClientSuccess Sandbox"] = await client.CredentialIdAsync("ClientSuccess Sandbox"),
                ["Clari Sandbox"] = await client.CredentialIdAsync("Clari Sandbox"),
            },
        }, 201);

        var source = imported.GetProperty("source");
        var transforms = await GetAsync(client, $"/api/transforms?inputDatasetId={source.GetProperty("datasetId").GetString()}");
        var recreated = Assert.Single(transforms.EnumerateArray());
        Assert.Equal(name + " named", recreated.GetProperty("name").GetString());
        Assert.Equal(2, recreated.GetProperty("steps").GetArrayLength());
        var fed = imported.GetProperty("destinations").EnumerateArray().Single(d => d.GetProperty("name").GetString() == name + " named to Clari");
        Assert.Equal(recreated.GetProperty("datasetId").GetString(), fed.GetProperty("datasetId").GetString());

        var read = await Flows.RunSourceAsync(client, source.GetProperty("id").GetString()!);
        var sent = await Flows.RunDestinationAsync(client, fed.GetProperty("id").GetString()!);
        Assert.Equal("succeeded", sent.GetProperty("status").GetString());
        Assert.Equal(250, read.GetProperty("recordsRead").GetInt64());
        Assert.Equal(250, sent.GetProperty("recordsSent").GetInt64());
    }

    [Fact]
    public async Task Export_HoldsNoSecretOfTheSeededCredentials_NotEvenMasked()
    {
        using var client = app.CreateClient();
        var (sourceId, _) = await CreateFlowAsync(client, "Secrets " + Guid.NewGuid().ToString("N")[..6]);

        var text = await client.GetStringAsync($"/api/flows/{sourceId}/export");

        await using var scope = app.Services.CreateAsyncScope();
        var credentials = scope.ServiceProvider.GetRequiredService<CredentialService>();
        foreach (var name in (string[])["ClientSuccess Sandbox", "Clari Sandbox"])
        {
            var secrets = (await credentials.GetSecretsAsync(await client.CredentialIdAsync(name), CancellationToken.None))!;
            foreach (var (field, secret) in secrets.Fields.Where(f => f.Key != "baseUrl"))
            {
                Assert.True(secret.Length >= 6, field);
                Assert.DoesNotContain(secret[..6], text, StringComparison.Ordinal);
                Assert.DoesNotContain(secret[^6..], text, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("•", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(
            ["clari:Clari Sandbox", "clientsuccess:ClientSuccess Sandbox"],
            json.RootElement.GetProperty("credentials").EnumerateArray().Select(c => $"{c.GetProperty("connector").GetString()}:{c.GetProperty("name").GetString()}"));
    }

    [Theory]
    [InlineData("""{"format": "flowstudio.flow", "formatVersion": 3, "source": {}}""", "format version is 3")]
    [InlineData("""{"name": "a source"}""", "not a FlowStudio flow export")]
    public async Task Import_IncompatibleDocument_IsRefusedWithAMessage(string document, string message)
    {
        using var client = app.CreateClient();
        var sourcesBefore = (await GetAsync(client, "/api/sources")).GetArrayLength();

        var problem = await client.PostJsonAsync("/api/flows/import", new { document = JsonDocument.Parse(document).RootElement }, 400);

        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(sourcesBefore, (await GetAsync(client, "/api/sources")).GetArrayLength());
    }

    [Fact]
    public async Task Import_CredentialWithoutMapping_Answers422NamingTheReferenceAndCreatesNothing()
    {
        using var client = app.CreateClient();
        var name = "Unmapped " + Guid.NewGuid().ToString("N")[..6];
        var (sourceId, _) = await CreateFlowAsync(client, name);
        var document = await GetAsync(client, $"/api/flows/{sourceId}/export");

        var problem = await client.PostJsonAsync("/api/flows/import", new
        {
            document,
            credentials = new Dictionary<string, string> { ["ClientSuccess Sandbox"] = await client.CredentialIdAsync("ClientSuccess Sandbox") },
        }, 422);

        Assert.Contains("Clari Sandbox", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Clari Sandbox"], problem.GetProperty("missingCredentials").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.DoesNotContain((await GetAsync(client, "/api/sources")).EnumerateArray(), s => s.GetProperty("name").GetString() == name + " (imported)");
    }

    [Fact]
    public async Task Import_NamesTaken_GetImportedSuffixesAndTheSourceMacrosFollowTheRenamedLookup()
    {
        using var client = app.CreateClient();
        var lookupName = "jobs_" + Guid.NewGuid().ToString("N")[..6];
        var lookup = await client.PostJsonAsync("/api/lookups", new { name = lookupName, keyColumn = "jobId", rows = new[] { new { jobId = "job-1" } } }, 201);
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Jobs " + Guid.NewGuid().ToString("N")[..6],
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { url = $"/v2/ingest/job/{{{lookupName}.jobId}}", dataPath = "$.message", lookupIds = new[] { lookup.GetProperty("id").GetString() } },
        }, 201);
        var document = await GetAsync(client, $"/api/flows/{source.GetProperty("id").GetString()}/export");

        var imported = await client.PostJsonAsync("/api/flows/import", new
        {
            document,
            credentials = new Dictionary<string, string> { ["Clari Sandbox"] = await client.CredentialIdAsync("Clari Sandbox") },
        }, 201);

        var copy = imported.GetProperty("source");
        Assert.Equal(source.GetProperty("name").GetString() + " (imported)", copy.GetProperty("name").GetString());
        var newLookup = imported.GetProperty("lookups")[0];
        Assert.Equal(lookupName + "_imported", newLookup.GetProperty("name").GetString());
        Assert.Equal($"/v2/ingest/job/{{{lookupName}_imported.jobId}}", copy.GetProperty("manual").GetProperty("url").GetString());
        Assert.Equal([newLookup.GetProperty("id").GetString()], copy.GetProperty("manual").GetProperty("lookupIds").EnumerateArray().Select(l => l.GetString()));
    }

    private static void AssertSameConfig(JsonElement before, JsonElement after, params string[] fields)
    {
        foreach (var field in fields)
        {
            Assert.Equal(before.TryGetProperty(field, out var b) ? b.GetRawText() : null, after.TryGetProperty(field, out var a) ? a.GetRawText() : null);
        }
    }

    /// <summary>A manual source over the sandbox's ClientSuccess clients, and a Clari destination of its dataset (not run).</summary>
    private static async Task<(string SourceId, string DestinationId)> CreateFlowAsync(HttpClient client, string name)
    {
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name,
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            manual = new
            {
                method = "GET",
                url = "/v2/client/search",
                dataPath = "$.data[*]",
                pagination = new { type = "pageSize", pageParam = "page", sizeParam = "size", size = 100, startPage = 0, lastPath = "$.last" },
            },
            schedule = new { kind = "interval", every = 2, unit = "hours" },
        }, 201);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = name + " to Clari",
            datasetId = source.GetProperty("datasetId").GetString(),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", contentFormat = "json", url = "/v2/ingest/entity/account", batching = new { enabled = true, batchSize = 100, algorithm = "code", code = ClientsToAccounts } },
            excludeAttributes = new[] { "siteUrl" },
        }, 201);
        return (source.GetProperty("id").GetString()!, destination.GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
