using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Alerts;

/// <summary>Flows whose runs fail, read nothing, or fail records for real against the sandbox, and their alert rules, all through the API.</summary>
internal static class AlertFlows
{
    /// <summary>A source over a ClientSuccess path the sandbox does not have: its runs fail (404).</summary>
    public static Task<JsonElement> FailingSourceAsync(HttpClient client) => ClientSuccessSourceAsync(client, "Broken feed", "/v2/no-such-endpoint", "$.data[*]");

    /// <summary>A source whose data path matches nothing in the answer: its runs succeed with zero records.</summary>
    public static Task<JsonElement> EmptySourceAsync(HttpClient client) => ClientSuccessSourceAsync(client, "Empty feed", "/v2/client/search", "$.nothing[*]");

    /// <summary>A source over the sandbox's ClientSuccess clients: its runs read records.</summary>
    public static Task<JsonElement> ClientsSourceAsync(HttpClient client) => ClientSuccessSourceAsync(client, "Clients feed", "/v2/client/search", "$.data[*]");

    /// <summary>
    /// A webhook source holding <paramref name="records"/> accounts, and a destination that POSTs each to a Clari path the
    /// sandbox answers 404: every record of its runs fails. Returns the source and the destination's id.
    /// </summary>
    public static async Task<(JsonElement Source, string DestinationId)> FailingDeliveryAsync(HttpClient client, int records)
    {
        var source = await client.PostJsonAsync("/api/sources", new { name = Unique("Accounts"), connector = "webhook" }, 201);
        using var intake = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString())
        {
            Content = System.Net.Http.Json.JsonContent.Create(Enumerable.Range(1, records).Select(i => new { id = $"acc-{i}", name = $"Account {i}" })),
        };
        intake.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await client.SendAsync(intake)).StatusCode);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = Unique("Accounts to nowhere"),
            datasetId = source.GetProperty("datasetId").GetString(),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", url = "/v2/ingest/no-such-endpoint" },
        }, 201);
        return (source, destination.GetProperty("id").GetString()!);
    }

    public static async Task<JsonElement> RuleAsync(HttpClient client, string sourceId, object rule) =>
        await client.PostJsonAsync($"/api/sources/{sourceId}/alerts", rule, 201);

    /// <summary>Starts a run of the source and waits for it to end.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, string sourceId)
    {
        var started = await client.PostJsonAsync($"/api/sources/{sourceId}/run", new { }, 202);
        return await client.WaitForRunAsync(started.GetProperty("runId").GetString()!);
    }

    /// <summary>The run's alerts once <paramref name="done"/> holds for them (bounded wait).</summary>
    public static async Task<List<JsonElement>> RunAlertsAsync(HttpClient client, string runId, Func<List<JsonElement>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var alerts = JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{runId}/alerts")).RootElement.EnumerateArray().Select(a => a.Clone()).ToList();
            if (done(alerts))
            {
                return alerts;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the run's alerts did not settle: {JsonSerializer.Serialize(alerts)}");
            await Task.Delay(100);
        }
    }

    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private static async Task<JsonElement> ClientSuccessSourceAsync(HttpClient client, string name, string url, string dataPath) =>
        await client.PostJsonAsync("/api/sources", new
        {
            name = Unique(name),
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            manual = new { method = "GET", url, dataPath },
        }, 201);
}
