using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.Clari;

/// <summary>Exact <c>/sandbox/_state</c> numbers: every test starts from a reset.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ClariReceivedStateTests(SandboxServer sandbox)
{
    [Fact]
    public async Task State_AfterReset_ListsAllFourEntitiesAtZero()
    {
        await ClariHttp.ResetAsync(sandbox);

        var state = await ClariHttp.StateAsync(sandbox);

        foreach (var entity in (string[])["account", "opportunity", "contact", "activity"])
        {
            Assert.Equal((0, 0, 0), ClariHttp.Counts(state, entity));
        }
    }

    [Fact]
    public async Task Ingest_SameIdsAcrossRequests_CountsDuplicates()
    {
        await ClariHttp.ResetAsync(sandbox);
        using var client = ClariHttp.CreateClient(sandbox);

        (await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("acc-", 3))).EnsureSuccessStatusCode();
        (await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("acc-", 4, from: 2))).EnsureSuccessStatusCode();

        var state = await ClariHttp.StateAsync(sandbox);
        Assert.Equal((7, 5, 2), ClariHttp.Counts(state, "account"));
        Assert.Equal((0, 0, 0), ClariHttp.Counts(state, "opportunity"));
    }

    [Fact]
    public async Task Ingest_RejectedRequest_RecordsNothing()
    {
        await ClariHttp.ResetAsync(sandbox);
        using var client = ClariHttp.CreateClient(sandbox);
        const string body = "[{\"sourceEntity\":\"a\",\"records\":[{\"id\":\"r1\",\"createdAt\":1,\"updatedAt\":2},{\"id\":\"r2\",\"createdAt\":1}]}]";

        var response = await ClariHttp.IngestRawAsync(client, "contact", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((0, 0, 0), ClariHttp.Counts(await ClariHttp.StateAsync(sandbox), "contact"));
    }

    [Fact]
    public async Task BulkJob_Success_CountsRecordsOnce()
    {
        await ClariHttp.ResetAsync(sandbox);
        using var client = ClariHttp.CreateClient(sandbox);
        var jobId = await ClariHttp.SubmitBulkAsync(client, "opportunity", ClariHttp.Records("opp-", 150));

        await ClariHttp.PollIngestJobAsync(client, jobId);
        var first = ClariHttp.Counts(await ClariHttp.StateAsync(sandbox), "opportunity");
        (await client.GetAsync($"v2/ingest/job/{jobId}")).EnsureSuccessStatusCode();
        var second = ClariHttp.Counts(await ClariHttp.StateAsync(sandbox), "opportunity");

        Assert.Equal((150, 150, 0), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task BulkJob_ValidationFailed_RecordsNothing()
    {
        await ClariHttp.ResetAsync(sandbox);
        using var client = ClariHttp.CreateClient(sandbox);
        object[] payload = [.. ClariHttp.Records("dup-", 20), .. ClariHttp.Records("dup-", 1)];
        var jobId = await ClariHttp.SubmitBulkAsync(client, "activity", payload);

        var final = (await ClariHttp.PollIngestJobAsync(client, jobId))[^1];

        Assert.Equal(HttpStatusCode.BadRequest, final.Status);
        Assert.Equal((0, 0, 0), ClariHttp.Counts(await ClariHttp.StateAsync(sandbox), "activity"));
    }

    [Fact]
    public async Task Ingest_InitialAfterLastBatch_IsRejectedUntilReset()
    {
        await ClariHttp.ResetAsync(sandbox);
        using var client = ClariHttp.CreateClient(sandbox);

        (await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("init-", 2), "mode=initial&isLastBatch=false")).EnsureSuccessStatusCode();
        (await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("init-", 2, from: 3), "mode=initial&isLastBatch=true")).EnsureSuccessStatusCode();
        var refused = await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("init-", 1, from: 5), "mode=initial");
        var incremental = await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("init-", 1, from: 5), "mode=incremental");
        var otherEntity = await ClariHttp.IngestAsync(client, "contact", ClariHttp.Records("init-", 1), "mode=initial");

        Assert.Equal(
            ("INVALID_INPUT_FORMAT", "'Initial' mode is allowed only during initial ingestion of data, please try ingesting it with 'Incremental' mode for account entity"),
            await ClariHttp.SingleIngestErrorAsync(refused));
        Assert.Equal(HttpStatusCode.OK, incremental.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherEntity.StatusCode);
        Assert.Equal((5, 5, 0), ClariHttp.Counts(await ClariHttp.StateAsync(sandbox), "account"));

        await ClariHttp.ResetAsync(sandbox);
        var afterReset = await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("init-", 1), "mode=initial");
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
    }

    [Fact]
    public async Task Faults_Rate429_Returns429WithRetryAfterAndRecordsNothing()
    {
        await ClariHttp.ResetAsync(sandbox);
        using var control = sandbox.CreateClient();
        using var client = ClariHttp.CreateClient(sandbox);
        try
        {
            (await control.PostAsJsonAsync("_faults", new { rate429 = 1.0, retryAfterSeconds = 2 })).EnsureSuccessStatusCode();

            var response = await ClariHttp.IngestAsync(client, "account", ClariHttp.Records("fault-", 5));

            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        }
        finally
        {
            await ClariHttp.ResetAsync(sandbox);
        }

        Assert.Equal((0, 0, 0), ClariHttp.Counts(await ClariHttp.StateAsync(sandbox), "account"));
    }
}
