using System.Text.Json;

namespace FlowStudio.Web.Tests.Support;

/// <summary>Builds the sources the destination tests send from, through the public API.</summary>
internal static class Flows
{
    /// <summary>A manual source over the sandbox's 250 ClientSuccess clients, run to completion; returns its dataset id.</summary>
    public static async Task<string> ClientsDatasetAsync(HttpClient client)
    {
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Clients " + Guid.NewGuid().ToString("N")[..6],
            credentialId,
            manual = new
            {
                method = "GET",
                url = "/v2/client/search",
                dataPath = "$.data[*]",
                pagination = new { type = "pageSize", pageParam = "page", sizeParam = "size", size = 100, startPage = 0, lastPath = "$.last" },
            },
        }, 201);
        await RunSourceAsync(client, source.GetProperty("id").GetString()!);
        return source.GetProperty("datasetId").GetString()!;
    }

    /// <summary>A webhook source holding <paramref name="count"/> account records shaped as Clari expects (string id, epoch ms); returns its dataset id.</summary>
    public static Task<string> ClariAccountsDatasetAsync(HttpClient client, int count) =>
        WebhookDatasetAsync(client, "Accounts", Enumerable.Range(1, count).Select(i => new { id = $"acc-{i}", name = $"Account {i}", createdAt = 1700000000000L, updatedAt = 1700000000000L + i }));

    /// <summary>A webhook source holding <paramref name="records"/> as they are; returns its dataset id.</summary>
    public static async Task<string> WebhookDatasetAsync<T>(HttpClient client, string name, IEnumerable<T> records)
    {
        var source = await client.PostJsonAsync("/api/sources", new { name = name + " " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);
        using var request = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString())
        {
            Content = System.Net.Http.Json.JsonContent.Create(records),
        };
        request.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
        var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return source.GetProperty("datasetId").GetString()!;
    }

    /// <summary>A "Search Pulses" source over the sandbox's 300 ClientSuccess pulses, run to completion; returns its dataset id.</summary>
    public static async Task<string> PulsesDatasetAsync(HttpClient client)
    {
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Pulses " + Guid.NewGuid().ToString("N")[..6],
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            templateId = "clientsuccess.search-pulses",
        }, 201);
        await RunSourceAsync(client, source.GetProperty("id").GetString()!);
        return source.GetProperty("datasetId").GetString()!;
    }

    public static async Task<JsonElement> RunSourceAsync(HttpClient client, string sourceId)
    {
        var started = await client.PostJsonAsync($"/api/sources/{sourceId}/run", new { }, 202);
        var run = await client.WaitForRunAsync(started.GetProperty("runId").GetString()!);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        return run;
    }

    public static async Task<JsonElement> RunDestinationAsync(HttpClient client, string destinationId, TimeSpan? timeout = null)
    {
        var started = await client.PostJsonAsync($"/api/destinations/{destinationId}/run", new { }, 202);
        return await client.WaitForRunAsync(started.GetProperty("runId").GetString()!, timeout);
    }

    public static async Task<JsonElement> SandboxStateAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/sandbox/_state")).RootElement.Clone();
}
