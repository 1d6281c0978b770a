using System.Net.Http.Json;
using System.Text.Json;

namespace FlowStudio.E2E.Destinations;

/// <summary>REST calls the destination and runs browser tests use to arrange data quickly and to clean up after themselves.</summary>
internal sealed class DestinationApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _client = new()
    {
        BaseAddress = baseAddress,
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FlowStudioServer.OwnerApiKey) },
    };

    public async Task<string> CredentialIdAsync(string name)
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/credentials"));
        return json.RootElement.EnumerateArray().First(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    /// <summary>A ClientSuccess "Search Pulses" source run to completion: its dataset holds the sandbox's 300 pulses.</summary>
    public async Task<(string SourceId, string DatasetId)> PulsesDatasetAsync()
    {
        var credentialId = await CredentialIdAsync("ClientSuccess Sandbox");
        var created = await _client.PostAsJsonAsync("/api/sources", new { name = "Pulses " + Guid.NewGuid().ToString("N")[..6], credentialId, templateId = "clientsuccess.search-pulses" });
        created.EnsureSuccessStatusCode();
        using var source = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var sourceId = source.RootElement.GetProperty("id").GetString()!;
        var datasetId = source.RootElement.GetProperty("datasetId").GetString()!;

        var started = await _client.PostAsync($"/api/sources/{sourceId}/run", null);
        started.EnsureSuccessStatusCode();
        using var run = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        var finished = await WaitForRunAsync(run.RootElement.GetProperty("runId").GetString()!, TimeSpan.FromSeconds(30));
        Assert.True(finished.GetProperty("status").GetString() == "succeeded", finished.ToString());
        Assert.Equal(300, finished.GetProperty("recordsRead").GetInt64());
        return (sourceId, datasetId);
    }

    /// <summary>Polls a run until it is no longer running, for at most <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForRunAsync(string runId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/runs/{runId}"));
            if (json.RootElement.GetProperty("status").GetString() != "running")
            {
                return json.RootElement.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} still running after {timeout}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Deletes every destination, then every source, so the shared server is back to "nothing yet" for the other tests.</summary>
    public async Task DeleteAllAsync()
    {
        using var destinations = JsonDocument.Parse(await _client.GetStringAsync("/api/destinations"));
        foreach (var destination in destinations.RootElement.EnumerateArray())
        {
            (await _client.DeleteAsync($"/api/destinations/{destination.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();
        }

        using var sources = JsonDocument.Parse(await _client.GetStringAsync("/api/sources"));
        foreach (var source in sources.RootElement.EnumerateArray())
        {
            (await _client.DeleteAsync($"/api/sources/{source.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();
        }
    }

    public void Dispose() => _client.Dispose();
}
