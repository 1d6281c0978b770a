using System.Net;
using System.Text;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Datasets;

[Collection(AppCollection.Name)]
public sealed class DatasetRecordsApiTests(FlowStudioApp app)
{
    private const string Record =
        """{"id":"r-1","price":1.10,"big":12345678901234567890123,"tiny":0.000001,"at":"2024-01-01T00:00:00.000+02:00","name":"Café ☕ 😀","nested":{"rate":2.50}}""";

    [Fact]
    public async Task PushedRecord_ReadBackAndSent_KeepsNumbersDatesAndTextAsSent()
    {
        using var client = app.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new { name = "Exact " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);
        var datasetId = source.GetProperty("datasetId").GetString()!;
        using (var push = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString()))
        {
            push.Content = new StringContent("[" + Record + "]", Encoding.UTF8, "application/json");
            push.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
            using var pushed = await client.SendAsync(push);
            Assert.Equal(HttpStatusCode.Accepted, pushed.StatusCode);
        }

        var stored = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records")).RootElement.GetProperty("records")[0];
        Assert.Equal("1.10", stored.GetProperty("price").GetRawText());
        Assert.Equal("12345678901234567890123", stored.GetProperty("big").GetRawText());
        Assert.Equal("0.000001", stored.GetProperty("tiny").GetRawText());
        Assert.Equal("2024-01-01T00:00:00.000+02:00", stored.GetProperty("at").GetString());
        Assert.Equal("Café ☕ 😀", stored.GetProperty("name").GetString());
        Assert.Equal("2.50", stored.GetProperty("nested").GetProperty("rate").GetRawText());

        // As stored, the record goes into the request body unchanged; with an attribute excluded it is rebuilt, values intact.
        Assert.Equal(Record, await FirstBodyAsync(client, datasetId, []));
        Assert.Equal(Record.Replace(""","nested":{"rate":2.50}""", "", StringComparison.Ordinal), await FirstBodyAsync(client, datasetId, ["nested"]));
    }

    private static async Task<string> FirstBodyAsync(HttpClient client, string datasetId, string[] excluded)
    {
        var payloads = await client.PostJsonAsync("/api/destinations/sample-payloads", new
        {
            name = "Exact values",
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", url = "/v2/ingest/entity/account", excludeAttributes = excluded },
        }, 200);
        return payloads[0].GetProperty("body").GetString()!;
    }
}
