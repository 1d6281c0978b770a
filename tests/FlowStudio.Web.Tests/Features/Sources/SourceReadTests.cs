using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FlowStudio.Web.Tests.Features.Engine;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Sources;

/// <summary>A source run reading many pages of sandbox contacts into its dataset, through the API.</summary>
[Collection(AppCollection.Name)]
public sealed class SourceReadTests(FlowStudioApp app)
{
    private const int Contacts = 2_550;

    [Fact]
    public async Task SearchContacts_ManyPages_WritesEveryContactOnceInTheSandboxOrder()
    {
        using var client = app.CreateClient();
        await using var sandbox = await LargeSandbox.SeedAsync(client, Contacts);
        var (sourceId, datasetId) = await CreateSourceAsync(client);

        var run = await Flows.RunSourceAsync(client, sourceId);

        Assert.Equal(Contacts, run.GetProperty("recordsRead").GetInt64());
        Assert.Equal(26, run.GetProperty("requests").GetInt32());
        Assert.Equal(await SandboxIdsAsync(client), await DatasetIdsAsync(client, datasetId));
        Assert.Equal(Contacts, await RecordCountAsync(client, datasetId));
    }

    [Fact]
    public async Task SearchContacts_ManyPages_StoresEachContactAsTheApiSentIt()
    {
        using var client = app.CreateClient();
        await using var sandbox = await LargeSandbox.SeedAsync(client, Contacts);
        var (sourceId, datasetId) = await CreateSourceAsync(client);
        var ids = await SandboxIdsAsync(client);
        using var clientSuccess = SandboxClient(client);
        using (var edit = new StringContent(
            """{"title":"Zo\u00eb \"Q\" M\u00fcller \ud83d\ude00","custom":{"price":1.10,"big":12345678901234567890123,"tier":{"level":2,"tags":["a b","\u00fc"]}}}""",
            System.Text.Encoding.UTF8, "application/json"))
        using (var patch = await clientSuccess.PatchAsync($"v2/contact/{ids[1234]}", edit))
        {
            Assert.True(patch.IsSuccessStatusCode, await patch.Content.ReadAsStringAsync());
        }

        await Flows.RunSourceAsync(client, sourceId);

        using var page = JsonDocument.Parse(await clientSuccess.GetStringAsync("v2/contact/search?page=12&size=100"));
        var sent = page.RootElement.GetProperty("data")[34].GetRawText();
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<FlowStudioDb>().DatasetRecords
            .Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id).Skip(1234).Select(r => r.DataJson).FirstAsync();
        Assert.Equal(sent[..^1] + $",\"_metadata\":{Contacts}}}", stored);
        Assert.Contains("\"price\":1.10,\"big\":12345678901234567890123,\"tier\":{\"level\":2,", stored, StringComparison.Ordinal);
        Assert.Equal(Contacts, await RecordCountAsync(client, datasetId));
    }

    [Fact]
    public async Task SearchContacts_ReadAgainAfterAnEdit_UpdatesTheContactInsteadOfAddingOne()
    {
        using var client = app.CreateClient();
        await using var sandbox = await LargeSandbox.SeedAsync(client, Contacts);
        var (sourceId, datasetId) = await CreateSourceAsync(client);
        await Flows.RunSourceAsync(client, sourceId);
        var ids = await DatasetIdsAsync(client, datasetId);
        using var clientSuccess = SandboxClient(client);
        using (var patch = await clientSuccess.PatchAsJsonAsync($"v2/contact/{ids[1234]}", new { title = "Re-read Tester" }))
        {
            Assert.True(patch.IsSuccessStatusCode, await patch.Content.ReadAsStringAsync());
        }

        var second = await Flows.RunSourceAsync(client, sourceId);

        Assert.Equal(Contacts, second.GetProperty("recordsRead").GetInt64());
        Assert.Equal(ids, await DatasetIdsAsync(client, datasetId));
        Assert.Equal(Contacts, await RecordCountAsync(client, datasetId));
        var record = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records?limit=1&offset=1234")).RootElement.GetProperty("records")[0];
        Assert.Equal("Re-read Tester", record.GetProperty("title").GetString());
    }

    [Fact]
    public async Task SearchContacts_PausedMidRead_KeepsAConsistentDatasetAndTheNextRunCompletesIt()
    {
        using var client = app.CreateClient();
        await using var sandbox = await LargeSandbox.SeedAsync(client, Contacts);
        var (sourceId, datasetId) = await CreateSourceAsync(client);
        await EngineFlows.SetFaultsAsync(client, new { latencyMs = 100 });
        var started = await client.PostJsonAsync($"/api/sources/{sourceId}/run", new { }, 202);
        var runId = started.GetProperty("runId").GetString()!;
        while (JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{runId}")).RootElement.GetProperty("recordsRead").GetInt64() == 0)
        {
            await Task.Delay(20);
        }

        await EngineFlows.SetStatusAsync(client, "sources", sourceId, "pause");
        var cancelled = await client.WaitForRunAsync(runId);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());

        var sandboxIds = await SandboxIdsAsync(client);
        var stored = await DatasetIdsAsync(client, datasetId);
        Assert.InRange(stored.Count, 1, Contacts - 1);
        Assert.Equal(sandboxIds.Take(stored.Count), stored);
        Assert.Equal(stored.Count, await RecordCountAsync(client, datasetId));

        await EngineFlows.SetFaultsAsync(client, new { latencyMs = 0 });
        await Flows.RunSourceAsync(client, sourceId);
        Assert.Equal(sandboxIds, await DatasetIdsAsync(client, datasetId));
        Assert.Equal(Contacts, await RecordCountAsync(client, datasetId));
    }

    private static async Task<(string SourceId, string DatasetId)> CreateSourceAsync(HttpClient client)
    {
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Contacts " + Guid.NewGuid().ToString("N")[..6],
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            templateId = "clientsuccess.search-contacts",
        }, 201);
        return (source.GetProperty("id").GetString()!, source.GetProperty("datasetId").GetString()!);
    }

    private static HttpClient SandboxClient(HttpClient client)
    {
        var clientSuccess = new HttpClient { BaseAddress = new Uri(client.BaseAddress!, "/sandbox/clientsuccess/") };
        clientSuccess.DefaultRequestHeaders.Add("X-API-Key", "cs-sandbox-key");
        return clientSuccess;
    }

    /// <summary>The contact ids in the order the sandbox's search pages give them.</summary>
    private static async Task<List<long>> SandboxIdsAsync(HttpClient client)
    {
        using var clientSuccess = SandboxClient(client);
        var ids = new List<long>();
        for (var page = 0; ids.Count < Contacts; page++)
        {
            var data = JsonDocument.Parse(await clientSuccess.GetStringAsync($"v2/contact/search?page={page}&size=500")).RootElement.GetProperty("data");
            ids.AddRange(data.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        }

        return ids;
    }

    /// <summary>The dataset's contact ids in stored order.</summary>
    private static async Task<List<long>> DatasetIdsAsync(HttpClient client, string datasetId)
    {
        var ids = new List<long>();
        while (true)
        {
            var records = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records?limit=1000&offset={ids.Count}")).RootElement.GetProperty("records");
            if (records.GetArrayLength() == 0)
            {
                return ids;
            }

            ids.AddRange(records.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        }
    }

    private static async Task<long> RecordCountAsync(HttpClient client, string datasetId) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}")).RootElement.GetProperty("recordCount").GetInt64();

    /// <summary>The sandbox seeded with <c>count</c> contacts until disposed, then reset to its usual seed for the other tests.</summary>
    private sealed class LargeSandbox(HttpClient client) : IAsyncDisposable
    {
        public static async Task<LargeSandbox> SeedAsync(HttpClient client, int count)
        {
            using var reset = await client.PostAsJsonAsync("/sandbox/_reset", new { contacts = count });
            reset.EnsureSuccessStatusCode();
            return new LargeSandbox(client);
        }

        public async ValueTask DisposeAsync()
        {
            using var reset = await client.PostAsync("/sandbox/_reset", null);
            reset.EnsureSuccessStatusCode();
        }
    }
}
