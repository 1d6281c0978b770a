using System.Text.Json;
using FlowStudio.Sandbox.Clari;
using FlowStudio.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Engine;

/// <summary>What a run says about records the API refused: failed Clari jobs, permanent 4xx answers and per-item failures.</summary>
[Collection(AppCollection.Name)]
public sealed class DeliveryOutcomesTests(FlowStudioApp app)
{
    private const string BadTimestamps = "updatedAt should be greater than or equal to createdAt";

    [Fact]
    public async Task Run_ClariBulkJobFailsValidation_ItsRecordsFailWithClariReasonsAndTheRunShowsTheJob()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var datasetId = await DatasetAsync(client, Accounts(3, badAt: 2));
        var destinationId = await DestinationAsync(client, datasetId, "Clari Sandbox", templateId: "clari.ingest-bulk-entities",
            parameters: new Dictionary<string, string> { ["entityType"] = "account", ["mode"] = "incremental", ["isLastBatch"] = "false" });

        var run = await Flows.RunDestinationAsync(client, destinationId);

        Assert.Equal(("failed", 0L, 3L), (run.GetProperty("status").GetString(), run.GetProperty("recordsSent").GetInt64(), run.GetProperty("recordsFailed").GetInt64()));
        var runId = run.GetProperty("id").GetString()!;
        var job = Assert.Single((await GetAsync(client, $"/api/runs/{runId}/jobs")).EnumerateArray());
        Assert.Equal(("VALIDATION_FAILED", 3), (job.GetProperty("state").GetString(), job.GetProperty("records").GetInt32()));
        Assert.False(string.IsNullOrEmpty(job.GetProperty("jobId").GetString()));
        var records = await GetAsync(client, $"/api/runs/{runId}/records?outcome=dead");
        Assert.Equal(3, records.GetArrayLength());
        Assert.All(records.EnumerateArray(), r => Assert.Contains(BadTimestamps, r.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.Equal(0, (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("account").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Run_FullLoadOverSeveralCalls_EveryCallButTheLastSaysIsLastBatchFalse_SoClariTakesEveryRecord()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var datasetId = await DatasetAsync(client, Accounts(250, badAt: 0));
        var destinationId = await DestinationAsync(client, datasetId, "Clari Sandbox", templateId: "clari.upload-entity-data",
            parameters: new Dictionary<string, string> { ["entityType"] = "opportunity", ["mode"] = "initial" });

        var run = await Flows.RunDestinationAsync(client, destinationId);

        Assert.Equal(("succeeded", 250L, 0L), (run.GetProperty("status").GetString(), run.GetProperty("recordsSent").GetInt64(), run.GetProperty("recordsFailed").GetInt64()));
        var calls = (await GetAsync(client, "/sandbox/_requests")).EnumerateArray()
            .Where(r => r.GetProperty("method").GetString() == "POST" && r.GetProperty("path").GetString()!.Contains("/ingest/entity/opportunity", StringComparison.Ordinal))
            .Select(r => r.GetProperty("path").GetString()!).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls.Take(2), call => Assert.Contains("isLastBatch=false", call, StringComparison.Ordinal));
        Assert.Contains("isLastBatch=true", calls[2], StringComparison.Ordinal);
        Assert.Equal(250, (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("opportunity").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Run_ClariBulkJobSucceeds_RecordsSentAfterTheJobEnds()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var datasetId = await DatasetAsync(client, Accounts(3, badAt: 0));
        var destinationId = await DestinationAsync(client, datasetId, "Clari Sandbox", templateId: "clari.ingest-bulk-entities",
            parameters: new Dictionary<string, string> { ["entityType"] = "account", ["mode"] = "incremental", ["isLastBatch"] = "false" });

        var run = await Flows.RunDestinationAsync(client, destinationId);

        Assert.Equal(("succeeded", 3L, 0L), (run.GetProperty("status").GetString(), run.GetProperty("recordsSent").GetInt64(), run.GetProperty("recordsFailed").GetInt64()));
        var job = Assert.Single((await GetAsync(client, $"/api/runs/{run.GetProperty("id").GetString()}/jobs")).EnumerateArray());
        Assert.Equal("SUCCESS", job.GetProperty("state").GetString());
        Assert.Equal((3L, 3L, 0L), await EngineFlows.AccountsAsync(client));
    }

    [Fact]
    public async Task Run_ClariBulkJobsStillInProgress_EveryBatchIsSentWhileTheyAreFollowedAndTheRunEndsWithTheirOutcomes()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var clari = app.Services.GetRequiredService<ClariStore>();
        var datasetId = await DatasetAsync(client, Accounts(300, badAt: 250));
        var destinationId = await DestinationAsync(client, datasetId, "Clari Sandbox", templateId: "clari.ingest-bulk-entities",
            parameters: new Dictionary<string, string> { ["entityType"] = "account", ["mode"] = "incremental", ["isLastBatch"] = "false" });
        try
        {
            // Jobs stay in progress until the delay is set back: following one must not hold up the next batch.
            clari.Options = ClariOptions.Default with { IngestJobMilliseconds = (long)TimeSpan.FromHours(1).TotalMilliseconds };
            var started = await client.PostJsonAsync($"/api/destinations/{destinationId}/run", new { }, 202);
            var runId = started.GetProperty("runId").GetString()!;

            var submitted = await WaitForBulkSubmissionsAsync(client, 3);

            Assert.Equal(3, submitted);
            Assert.Equal("running", (await GetAsync(client, $"/api/runs/{runId}")).GetProperty("status").GetString());
            Assert.Equal(0, (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("account").GetProperty("count").GetInt64());

            clari.Options = ClariOptions.Default;
            var run = await client.WaitForRunAsync(runId);

            Assert.Equal(("succeeded", "Completed with failures", 200L, 100L),
                (run.GetProperty("status").GetString(), run.GetProperty("label").GetString(), run.GetProperty("recordsSent").GetInt64(), run.GetProperty("recordsFailed").GetInt64()));
            var states = (await GetAsync(client, $"/api/runs/{runId}/jobs")).EnumerateArray().Select(j => j.GetProperty("state").GetString()).Order().ToList();
            Assert.Equal(["SUCCESS", "SUCCESS", "VALIDATION_FAILED"], states);
            Assert.Equal(200, (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("account").GetProperty("count").GetInt64());
        }
        finally
        {
            clari.Options = ClariOptions.Default;
        }
    }

    [Fact]
    public async Task Run_ApiAnswers400_NotRetriedByLaterRunsButRetryFailedRecordsResendsIt()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var datasetId = await DatasetAsync(client, Accounts(4, badAt: 3));
        var destinationId = await EngineFlows.ClariUploadAsync(client, datasetId);

        var first = await Flows.RunDestinationAsync(client, destinationId);
        var later = await Flows.RunDestinationAsync(client, destinationId);

        Assert.Equal(("failed", 4L), (first.GetProperty("status").GetString(), first.GetProperty("recordsFailed").GetInt64()));
        Assert.Equal(0, later.GetProperty("recordsRead").GetInt64());
        var failures = await GetAsync(client, $"/api/runs/{first.GetProperty("id").GetString()}/failures");
        var reason = Assert.Single(failures.GetProperty("reasons").EnumerateArray());
        Assert.Equal(4, reason.GetProperty("records").GetInt32());
        Assert.StartsWith("HTTP 400: ", reason.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(BadTimestamps, reason.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, reason.GetProperty("examples").GetArrayLength());

        var retried = await client.PostJsonAsync($"/api/destinations/{destinationId}/retry-failed", new { }, 200);
        Assert.Equal(4, retried.GetProperty("requeued").GetInt32());
        var again = await client.WaitForRunAsync(retried.GetProperty("runId").GetString()!);
        Assert.Equal((4L, 4L), (again.GetProperty("recordsRead").GetInt64(), again.GetProperty("recordsFailed").GetInt64()));
    }

    [Fact]
    public async Task Run_BatchUpsertWithOneBadItem_OnlyThatRecordFailsAndTheRunCompletesWithFailures()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var contacts = new object[]
        {
            new { email = "one@example.com", firstName = "One", lastName = "Person", clientId = 1001 },
            new { email = "two@example.com", firstName = "Two", lastName = "Person" },
            new { email = "three@example.com", firstName = "Three", lastName = "Person", clientId = 1001 },
        };
        var datasetId = await DatasetAsync(client, contacts);
        var destinationId = await DestinationAsync(client, datasetId, "ClientSuccess Sandbox", manual: new
        {
            method = "POST",
            url = "/v2/workato/contact/batchUpsert",
            batching = new { enabled = true, batchSize = 10, algorithm = "code", code = "function group(records) { return records; }" },
        });

        var run = await Flows.RunDestinationAsync(client, destinationId);

        Assert.Equal(("succeeded", "Completed with failures", 2L, 1L),
            (run.GetProperty("status").GetString(), run.GetProperty("label").GetString(), run.GetProperty("recordsSent").GetInt64(), run.GetProperty("recordsFailed").GetInt64()));
        var failed = Assert.Single((await GetAsync(client, $"/api/runs/{run.GetProperty("id").GetString()}/records")).EnumerateArray());
        Assert.Contains("clientId", failed.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1002, (await Flows.SandboxStateAsync(client)).GetProperty("clientsuccess").GetProperty("contacts").GetInt64());
    }

    // How many bulk ingest files the sandbox has received, once it has <paramref name="expected"/> (or after a bounded wait).
    private static async Task<int> WaitForBulkSubmissionsAsync(HttpClient client, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var requests = await GetAsync(client, "/sandbox/_requests");
            var submitted = requests.EnumerateArray().Count(r =>
                r.GetProperty("method").GetString() == "POST" && r.GetProperty("path").GetString()!.Contains("/ingest/bulk/entity/", StringComparison.Ordinal));
            if (submitted >= expected || DateTime.UtcNow > deadline)
            {
                return submitted;
            }

            await Task.Delay(100);
        }
    }

    private static object[] Accounts(int count, int badAt) => [.. Enumerable.Range(1, count).Select(i => (object)new
    {
        id = $"acc-{i}",
        name = $"Account {i}",
        createdAt = 1700000000000L,
        updatedAt = i == badAt ? 1600000000000L : 1700000000000L + i,
    })];

    private static async Task<string> DatasetAsync(HttpClient client, object[] records)
    {
        var source = await client.PostJsonAsync("/api/sources", new { name = "Records " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);
        using var request = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString())
        {
            Content = System.Net.Http.Json.JsonContent.Create(records),
        };
        request.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await client.SendAsync(request)).StatusCode);
        return source.GetProperty("datasetId").GetString()!;
    }

    private static async Task<string> DestinationAsync(
        HttpClient client, string datasetId, string credential, string? templateId = null, Dictionary<string, string>? parameters = null, object? manual = null)
    {
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Outcomes " + Guid.NewGuid().ToString("N")[..6],
            datasetId,
            credentialId = await client.CredentialIdAsync(credential),
            templateId,
            parameters,
            manual,
        }, 201);
        return destination.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement.Clone();
}
