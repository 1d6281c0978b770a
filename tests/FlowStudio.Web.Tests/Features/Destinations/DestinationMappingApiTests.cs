using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Destinations;

/// <summary>ClientSuccess pulses sent to Clari "Ingest Bulk Entities", with and without a Mapping, over the sandbox.</summary>
[Collection(AppCollection.Name)]
public sealed class DestinationMappingApiTests(FlowStudioApp app)
{
    private static readonly object[] PulsesToClari =
    [
        new { field = "id", from = "attribute", value = "id", convert = "toString" },
        new { field = "createdAt", from = "attribute", value = "createdTimestamp", convert = "epochMillis" },
        new { field = "updatedAt", from = "expression", value = "Date.parse(record.createdTimestamp)" },
        new { field = "name", from = "attribute", value = "subject", @default = "Pulse" },
    ];

    private static readonly Dictionary<string, string> Accounts = new() { ["entityType"] = "Account", ["mode"] = "Upsert", ["isLastBatch"] = "false" };

    [Fact]
    public async Task Run_PulsesMappedToClariIngestBulkEntities_EveryRecordDeliveredAndEveryJobSucceeds()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var datasetId = await Flows.PulsesDatasetAsync(client);
        var destination = await client.PostJsonAsync("/api/destinations", Request(datasetId, await client.CredentialIdAsync("Clari Sandbox"), PulsesToClari), 201);
        var destinationId = destination.GetProperty("id").GetString()!;
        Assert.Equal(["id", "createdAt", "updatedAt", "name"], destination.GetProperty("mapping").EnumerateArray().Select(m => m.GetProperty("field").GetString()));
        Assert.Equal("epochMillis", destination.GetProperty("mapping")[1].GetProperty("convert").GetString());

        var samples = await GetAsync(client, $"/api/destinations/{destinationId}/sample-payloads");
        Assert.All(samples.EnumerateArray(), s => Assert.Empty(s.GetProperty("warnings").EnumerateArray()));
        var first = JsonDocument.Parse(samples[0].GetProperty("body").GetString()!).RootElement[0].GetProperty("records")[0];
        Assert.Equal(["id", "createdAt", "updatedAt", "name"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, first.GetProperty("id").ValueKind);
        Assert.Equal(first.GetProperty("createdAt").GetInt64(), first.GetProperty("updatedAt").GetInt64());
        Assert.True(first.GetProperty("createdAt").GetInt64() > 1_500_000_000_000);

        var run = await Flows.RunDestinationAsync(client, destinationId, TimeSpan.FromSeconds(90));

        Assert.Equal(("succeeded", 300L, 0L), (run.GetProperty("status").GetString(), run.GetProperty("recordsSent").GetInt64(), run.GetProperty("recordsFailed").GetInt64()));
        var jobs = (await GetAsync(client, $"/api/runs/{run.GetProperty("id").GetString()}/jobs")).EnumerateArray().ToList();
        Assert.Equal(3, jobs.Count);
        Assert.All(jobs, job => Assert.Equal("SUCCESS", job.GetProperty("state").GetString()));
        var accounts = (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("account");
        Assert.Equal((300, 300), (accounts.GetProperty("count").GetInt64(), accounts.GetProperty("distinctIds").GetInt64()));
    }

    [Fact]
    public async Task Run_PulsesToClariWithoutMapping_SampleWarnsAndTheRunShowsEveryRecordFailed()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var datasetId = await Flows.PulsesDatasetAsync(client);
        var destination = await client.PostJsonAsync("/api/destinations", Request(datasetId, await client.CredentialIdAsync("Clari Sandbox"), null), 201);
        var destinationId = destination.GetProperty("id").GetString()!;
        Assert.Empty(destination.GetProperty("mapping").EnumerateArray());

        var samples = await GetAsync(client, $"/api/destinations/{destinationId}/sample-payloads");
        Assert.Equal(
            [
                "id takes string but holds another type in records 1, 2, 3 and 97 more of 100.",
                "createdAt is required but empty in records 1, 2, 3 and 97 more of 100.",
                "updatedAt is required but empty in records 1, 2, 3 and 97 more of 100.",
            ],
            samples[0].GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));

        var run = await Flows.RunDestinationAsync(client, destinationId, TimeSpan.FromSeconds(90));

        Assert.Equal(("failed", 0L, 300L), (run.GetProperty("status").GetString(), run.GetProperty("recordsSent").GetInt64(), run.GetProperty("recordsFailed").GetInt64()));
        Assert.Equal(0, (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("account").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Create_BadMappingRows_Returns400NamingEachRowAndStoresNothing()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.PulsesDatasetAsync(client);
        var before = (await GetAsync(client, "/api/destinations")).GetArrayLength();
        object[] mapping =
        [
            new { field = "owner", from = "attribute", value = "id" },
            new { field = "createdAt", from = "attribute", value = "createdTimestamp", convert = "toDate" },
            new { field = "updatedAt", from = "expression", value = "record.createdTimestamp +" },
            new { field = "id", from = "attribute", value = "pulseId" },
        ];

        var response = await client.PostAsJsonAsync("/api/destinations", Request(datasetId, await client.CredentialIdAsync("Clari Sandbox"), mapping));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["mapping[0].field", "mapping[1].convert", "mapping[2].value", "mapping[3].value"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("Ingest Bulk Entities has no field 'owner'; its fields are id, createdAt, updatedAt, name.", errors.GetProperty("mapping[0].field")[0].GetString());
        Assert.StartsWith("'toDate' is not a conversion for createdAt", errors.GetProperty("mapping[1].convert")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("The expression for updatedAt is not valid JavaScript", errors.GetProperty("mapping[2].value")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("The dataset has no attribute 'pulseId' to fill id.", errors.GetProperty("mapping[3].value")[0].GetString());
        Assert.Equal(before, (await GetAsync(client, "/api/destinations")).GetArrayLength());
    }

    private static object Request(string datasetId, string credentialId, object[]? mapping) => new
    {
        name = "Pulses to Clari " + Guid.NewGuid().ToString("N")[..6],
        datasetId,
        credentialId,
        templateId = "clari.ingest-bulk-entities",
        parameters = Accounts,
        mapping,
    };

    private static async Task<JsonElement> GetAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement.Clone();
}
