using System.Net.Http.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Canvas;

/// <summary>A whole flow made through the API: a webhook source holding a few records, its dataset, and a Clari destination.</summary>
internal sealed record StoredFlow(string SourceId, string SourceName, string DatasetId, string DestinationId, string DestinationName)
{
    public static async Task<StoredFlow> CreateAsync(HttpClient client, int records = 3)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var source = await client.PostJsonAsync("/api/sources", new { name = $"Orders {suffix}", connector = "webhook" }, 201);
        using (var intake = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString())
        {
            Content = JsonContent.Create(Enumerable.Range(1, records).Select(i => new { id = $"order-{i}", total = i })),
        })
        {
            intake.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
            Assert.Equal(System.Net.HttpStatusCode.Accepted, (await client.SendAsync(intake)).StatusCode);
        }

        var datasetId = source.GetProperty("datasetId").GetString()!;
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = $"Orders to Clari {suffix}",
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { url = "/v2/ingest/entity/account" },
        }, 201);
        return new StoredFlow(source.GetProperty("id").GetString()!, source.GetProperty("name").GetString()!, datasetId,
            destination.GetProperty("id").GetString()!, destination.GetProperty("name").GetString()!);
    }
}
