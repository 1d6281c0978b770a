using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Transforms;

[Collection(AppCollection.Name)]
public sealed class TransformsApiTests(FlowStudioApp app)
{
    /// <summary>At-risk pulses shaped as Clari wants activities: a string id and epoch-ms times; the text fields dropped.</summary>
    private static object[] AtRiskPulseSteps =>
    [
        new { kind = "filter", match = "all", conditions = new[] { new { field = "currentScore", @operator = "lessThan", value = "50" } } },
        new { kind = "compute", field = "id", expression = "'pulse-' + record.id" },
        new { kind = "compute", field = "createdAt", expression = "Date.parse(record.createdTimestamp)" },
        new { kind = "compute", field = "updatedAt", expression = "record.createdAt + 1" },
        new { kind = "drop", fields = new[] { "note", "nextSteps", "subject" } },
    ];

    [Fact]
    public async Task PulsesThroughTransformToClari_SandboxReceivesExactlyTheFilteredComputedRecords()
    {
        using var client = app.CreateClient();
        var (sourceId, pulsesId) = await PulsesAsync(client);
        var pulses = await RecordsAsync(client, pulsesId);
        var atRisk = pulses.Where(p => p.GetProperty("currentScore").GetInt32() < 50).ToList();
        Assert.InRange(atRisk.Count, 1, pulses.Count - 1);

        var transform = await client.PostJsonAsync("/api/transforms", new { name = "At-risk pulses", inputDatasetId = pulsesId, steps = AtRiskPulseSteps }, 201);
        var datasetId = transform.GetProperty("datasetId").GetString()!;
        Assert.Equal(atRisk.Count, transform.GetProperty("recordCount").GetInt64());

        // A source run re-reads the same pulses: the transform's records are updated in place, not added again.
        var run = await Flows.RunSourceAsync(client, sourceId);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
        var output = await RecordsAsync(client, datasetId);
        Assert.Equal(atRisk.Select(p => $"pulse-{p.GetProperty("id").GetInt64()}").Order(), output.Select(r => r.GetProperty("id").GetString()).Order());
        var first = output.Single(r => r.GetProperty("id").GetString() == $"pulse-{atRisk[0].GetProperty("id").GetInt64()}");
        Assert.Equal(DateTimeOffset.Parse(atRisk[0].GetProperty("createdTimestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
            first.GetProperty("createdAt").GetInt64());
        Assert.Equal(first.GetProperty("createdAt").GetInt64() + 1, first.GetProperty("updatedAt").GetInt64());
        Assert.False(first.TryGetProperty("note", out _));

        var before = await ReceivedActivitiesAsync(client);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "At-risk activities",
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new
            {
                method = "POST",
                contentFormat = "json",
                url = "/v2/ingest/entity/activity?mode=incremental",
                headers = new { },
                excludeAttributes = Array.Empty<string>(),
                batching = new { enabled = true, batchSize = 100, algorithm = "code", code = "function group(records) { return [{ sourceEntity: 'activity', records: records }]; }" },
            },
        }, 201);
        var delivery = await Flows.RunDestinationAsync(client, destination.GetProperty("id").GetString()!);

        Assert.Equal("succeeded", delivery.GetProperty("status").GetString());
        Assert.Equal(atRisk.Count, delivery.GetProperty("recordsSent").GetInt64());
        var after = await ReceivedActivitiesAsync(client);
        Assert.Equal(atRisk.Count, after.Count - before.Count);
        Assert.Equal(atRisk.Count, after.DistinctIds - before.DistinctIds);
    }

    [Fact]
    public async Task Preview_SavedAndUnsavedSteps_ShowEachSampleRecordBeforeAndAfter()
    {
        using var client = app.CreateClient();
        var (_, pulsesId) = await PulsesAsync(client);
        var transform = await client.PostJsonAsync("/api/transforms", new { name = "Pulses kept", inputDatasetId = pulsesId, steps = Array.Empty<object>() }, 201);
        var id = transform.GetProperty("id").GetString()!;

        var saved = await client.PostJsonAsync($"/api/transforms/{id}/preview", new { }, 200);
        var edited = await client.PostJsonAsync($"/api/transforms/{id}/preview", new
        {
            steps = new object[]
            {
                new { kind = "filter", conditions = new[] { new { field = "currentScore", @operator = "lessThan", value = "50" } } },
                new { kind = "script", code = "function transform(record) {\n  if (record.id % 2 === 0) throw new RangeError('even ' + record.id);\n  return { id: record.id, score: record.currentScore };\n}" },
            },
        }, 200);

        Assert.Equal(20, saved.GetProperty("records").GetArrayLength());
        Assert.Equal(20, saved.GetProperty("kept").GetInt32());
        var records = edited.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(20, records.Count);
        Assert.Equal(records.Count, edited.GetProperty("kept").GetInt32() + edited.GetProperty("dropped").GetInt32() + edited.GetProperty("failed").GetInt32());
        foreach (var record in records)
        {
            var before = record.GetProperty("before");
            var after = record.GetProperty("after").EnumerateArray().ToList();
            var id2 = before.GetProperty("id").GetInt64();
            if (before.GetProperty("currentScore").GetInt32() >= 50)
            {
                Assert.Empty(after);
            }
            else if (id2 % 2 == 0)
            {
                Assert.Equal($"Step 2 (JavaScript): RangeError: even {id2}", record.GetProperty("error").GetString());
            }
            else
            {
                Assert.Equal($$"""{"id":{{id2}},"score":{{before.GetProperty("currentScore").GetInt32()}}}""", Assert.Single(after).GetRawText());
            }
        }
    }

    [Fact]
    public async Task Create_BadInput_Answers400NamingEachField()
    {
        using var client = app.CreateClient();
        var (_, pulsesId) = await PulsesAsync(client);

        var response = await client.PostAsJsonAsync("/api/transforms", new
        {
            inputDatasetId = pulsesId,
            steps = new object[]
            {
                new { kind = "filter", conditions = new[] { new { field = "currentScore", @operator = "around", value = "50" } } },
                new { kind = "compute", field = "x", expression = "record.currentScore +* 2" },
                new { kind = "rename", field = "nothingHere", to = "y" },
                new { kind = "script", code = "function transform(r) { return r" },
                new { kind = "sort" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["steps[0].conditions[0].operator", "steps[1].expression", "steps[2].field", "steps[3].code", "steps[4].kind"], errors);
        Assert.Contains("steps[2].field: No field “nothingHere” in the records at this step.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownDataset_Answers400AndPreviewOfUnknownTransform404()
    {
        using var client = app.CreateClient();

        var created = await client.PostAsJsonAsync("/api/transforms", new { inputDatasetId = "ds_nope", steps = Array.Empty<object>() });
        var preview = await client.PostAsJsonAsync("/api/transforms/trf_nope/preview", new { });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("inputDatasetId", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
    }

    [Fact]
    public async Task UpdateAndDelete_RefillTheDatasetAndRefuseWhileADestinationReadsIt()
    {
        using var client = app.CreateClient();
        var (_, pulsesId) = await PulsesAsync(client);
        var transform = await client.PostJsonAsync("/api/transforms", new { name = "Some pulses", inputDatasetId = pulsesId, steps = Array.Empty<object>() }, 201);
        var id = transform.GetProperty("id").GetString()!;
        var datasetId = transform.GetProperty("datasetId").GetString()!;

        var updated = await client.PutAsJsonAsync($"/api/transforms/{id}", new
        {
            name = "Red pulses",
            steps = new object[] { new { kind = "filter", conditions = new[] { new { field = "currentScore", @operator = "lessThan", value = "50" } } } },
        });
        var view = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Red pulses", view.GetProperty("name").GetString());
        Assert.True(view.GetProperty("recordCount").GetInt64() < transform.GetProperty("recordCount").GetInt64());
        Assert.Equal(view.GetProperty("recordCount").GetInt64(), (await RecordsAsync(client, datasetId)).Count);

        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Red pulses out",
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", contentFormat = "json", url = "/v2/ingest/entity/activity", headers = new { } },
        }, 201);
        var refused = await client.DeleteAsync($"/api/transforms/{id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Red pulses out", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/destinations/{destination.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/transforms/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/transforms/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/datasets/{datasetId}")).StatusCode);
    }

    [Fact]
    public async Task DeleteSource_TransformWithDestination_RefusedUntilCascadeThenTakesTheTransformToo()
    {
        using var client = app.CreateClient();
        var (sourceId, pulsesId) = await PulsesAsync(client);
        var first = await client.PostJsonAsync("/api/transforms", new { name = "Scored", inputDatasetId = pulsesId, steps = Array.Empty<object>() }, 201);
        var second = await client.PostJsonAsync("/api/transforms", new { name = "Scored again", inputDatasetId = first.GetProperty("datasetId").GetString(), steps = Array.Empty<object>() }, 201);
        await client.PostJsonAsync("/api/destinations", new
        {
            name = "Scored out",
            datasetId = second.GetProperty("datasetId").GetString(),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", contentFormat = "json", url = "/v2/ingest/entity/activity", headers = new { } },
        }, 201);

        var refused = await client.DeleteAsync($"/api/sources/{sourceId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Scored out", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/sources/{sourceId}?cascade=true")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/transforms/{first.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/transforms/{second.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/datasets/{second.GetProperty("datasetId").GetString()}")).StatusCode);
    }

    private static async Task<(string SourceId, string DatasetId)> PulsesAsync(HttpClient client)
    {
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Pulses " + Guid.NewGuid().ToString("N")[..6],
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            templateId = "clientsuccess.search-pulses",
        }, 201);
        var sourceId = source.GetProperty("id").GetString()!;
        await Flows.RunSourceAsync(client, sourceId);
        return (sourceId, source.GetProperty("datasetId").GetString()!);
    }

    private static async Task<List<JsonElement>> RecordsAsync(HttpClient client, string datasetId)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records?limit=1000"));
        return [.. json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.Clone())];
    }

    private static async Task<(long Count, long DistinctIds)> ReceivedActivitiesAsync(HttpClient client)
    {
        var activity = (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("activity");
        return (activity.GetProperty("count").GetInt64(), activity.GetProperty("distinctIds").GetInt64());
    }
}
