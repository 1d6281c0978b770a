using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Destinations;

/// <summary>Each Content Format delivered over loopback to the sandbox's capture endpoint, as it arrives there.</summary>
[Collection(AppCollection.Name)]
public sealed class ContentFormatDeliveryTests(FlowStudioApp app)
{
    private static readonly object[] People =
    [
        new { id = "p-1", name = "Ada Lovelace", city = "London" },
        new { id = "p-2", name = "Bo, \"Jr\"", city = "Oslo" },
    ];

    [Theory]
    [InlineData("xml", true, "application/xml",
        "<records><record><id>p-1</id><name>Ada Lovelace</name><city>London</city></record><record><id>p-2</id><name>Bo, \"Jr\"</name><city>Oslo</city></record></records>")]
    [InlineData("csv", true, "text/csv", "id,name,city\r\np-1,Ada Lovelace,London\r\np-2,\"Bo, \"\"Jr\"\"\",Oslo\r\n")]
    [InlineData("ndjson", true, "application/x-ndjson",
        "{\"id\":\"p-1\",\"name\":\"Ada Lovelace\",\"city\":\"London\"}\n{\"id\":\"p-2\",\"name\":\"Bo, \\\"Jr\\\"\",\"city\":\"Oslo\"}\n")]
    [InlineData("form", false, "application/x-www-form-urlencoded", "id=p-1&name=Ada+Lovelace&city=London")]
    public async Task Run_Format_SandboxReceivesExactBodyAndContentType(string format, bool batching, string contentType, string firstBody)
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.WebhookDatasetAsync(client, "People", People);
        var path = $"/sandbox/capture/{format}-{Guid.NewGuid():N}";
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "People as " + format,
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new
            {
                method = "POST",
                contentFormat = format,
                url = new Uri(client.BaseAddress!, path).ToString(),
                batching = new { enabled = batching, batchSize = 10, algorithm = "array" },
            },
        }, 201);

        var run = await Flows.RunDestinationAsync(client, destination.GetProperty("id").GetString()!);

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        var received = (await RequestsAsync(client)).Where(r => r.GetProperty("path").GetString() == path).ToList();
        Assert.Equal(batching ? 1 : 2, received.Count);
        Assert.Equal(contentType, received[0].GetProperty("contentType").GetString());
        Assert.Equal(firstBody, received[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task Create_FormOfNestedRecords_Returns400NamingTheField()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.WebhookDatasetAsync(client, "Nested", [new { id = "n-1", address = new { city = "Oslo" } }]);

        var response = await client.PostAsJsonAsync("/api/destinations", new
        {
            name = "Nested as form",
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", contentFormat = "form", url = "/v2/ingest/entity/account" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("contentFormat", problem, StringComparison.Ordinal);
        Assert.Contains("address", problem, StringComparison.Ordinal);
        Assert.Contains("is an object", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamplePayloads_FormWithBatching_Returns400NamingBatching()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.WebhookDatasetAsync(client, "People", People);

        var response = await client.PostAsJsonAsync("/api/destinations/sample-payloads", new
        {
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", contentFormat = "form", url = "/v2/ingest/entity/account", batching = new { enabled = true, batchSize = 10, algorithm = "array" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("batching.enabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> RequestsAsync(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync("/sandbox/_requests")).RootElement.Clone().EnumerateArray()];
}
