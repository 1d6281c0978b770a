using System.Diagnostics;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Engine;

[Collection(AppCollection.Name)]
public sealed class DeliveryGuaranteesTests(FlowStudioApp app)
{
    private const string PulsesToAccounts = """
        function group(records) {
          return [{
            sourceEntity: 'account',
            records: records.map(function (p) {
              return { id: 'pulse-' + p.id, name: p.subject, createdAt: 1700000000000, updatedAt: 1700000000000 + p.id };
            })
          }];
        }
        """;

    [Fact]
    public async Task Pause_DeliveryInFlight_CancelsWithinTwoSecondsAndActivateContinues()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var destinationId = await EngineFlows.ClariUploadAsync(client, await Flows.ClariAccountsDatasetAsync(client, 2000));
        try
        {
            await EngineFlows.SetFaultsAsync(client, new { latencyMs = 300 });
            await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "activate");
            await EngineFlows.WaitForAccountsAsync(client, a => a.Count >= 300, TimeSpan.FromSeconds(30));
            var runId = (await EngineFlows.RunsAsync(client, destinationId)).First(r => r.GetProperty("status").GetString() == "running").GetProperty("id").GetString()!;

            var watch = Stopwatch.StartNew();
            await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "pause");
            var run = await client.WaitForRunAsync(runId, TimeSpan.FromSeconds(10));
            watch.Stop();

            Assert.Equal("cancelled", run.GetProperty("status").GetString());
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"Pause took {watch.Elapsed} to cancel the run");
            var atPause = await EngineFlows.AccountsAsync(client);
            Assert.InRange(atPause.Count, 300, 1900);

            await EngineFlows.SetFaultsAsync(client, new { });
            await Task.Delay(1500);
            Assert.Equal(atPause, await EngineFlows.AccountsAsync(client));

            await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "activate");
            await EngineFlows.WaitForAccountsAsync(client, a => a.Distinct == 2000, TimeSpan.FromSeconds(60));
            await EngineFlows.WaitUntilIdleAsync(client, destinationId, TimeSpan.FromSeconds(30));
            var final = await EngineFlows.AccountsAsync(client);
            Assert.Equal(2000, final.Distinct);
            Assert.True(final.Duplicates <= 100, $"{final.Duplicates} records were sent twice; at most the one batch in flight may be");
        }
        finally
        {
            await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "pause");
            await EngineFlows.SetFaultsAsync(client, new { });
        }
    }

    [Fact]
    public async Task ActivateSourceAndDestination_300Pulses_DeliveredExactlyOnce()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Pulses " + Guid.NewGuid().ToString("N")[..6],
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            templateId = "clientsuccess.search-pulses",
        }, 201);
        var sourceId = source.GetProperty("id").GetString()!;
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Pulses as Clari accounts",
            datasetId = source.GetProperty("datasetId").GetString(),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new
            {
                method = "POST",
                url = "/v2/ingest/entity/account?mode=incremental&isLastBatch=false",
                batching = new { enabled = true, batchSize = 100, algorithm = "code", code = PulsesToAccounts },
            },
        }, 201);
        var destinationId = destination.GetProperty("id").GetString()!;
        try
        {
            await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "activate");
            await EngineFlows.SetStatusAsync(client, "sources", sourceId, "activate");

            await EngineFlows.WaitForAccountsAsync(client, a => a.Distinct == 300, TimeSpan.FromSeconds(60));
            await EngineFlows.WaitUntilIdleAsync(client, sourceId, TimeSpan.FromSeconds(30));
            await EngineFlows.WaitUntilIdleAsync(client, destinationId, TimeSpan.FromSeconds(30));

            var accounts = await EngineFlows.AccountsAsync(client);
            Assert.Equal((300L, 300L, 0L), accounts);
            var sourceRuns = await EngineFlows.RunsAsync(client, sourceId);
            Assert.Equal("succeeded", Assert.Single(sourceRuns).GetProperty("status").GetString());
            Assert.All(await EngineFlows.RunsAsync(client, destinationId), r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
        }
        finally
        {
            await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "pause");
            await EngineFlows.SetStatusAsync(client, "sources", sourceId, "pause");
        }
    }

    [Fact]
    public async Task Activate_UnderRateLimitsAndServerErrors_EveryRecordArrivesOnce()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var destinationId = await EngineFlows.ClariUploadAsync(client, await Flows.ClariAccountsDatasetAsync(client, 500));
        try
        {
            await EngineFlows.SetFaultsAsync(client, new { rate429 = 0.2, retryAfterSeconds = 1, rate5xx = 0.1 });
            await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "activate");

            await EngineFlows.WaitForAccountsAsync(client, a => a.Distinct == 500, TimeSpan.FromSeconds(90));
            await EngineFlows.WaitUntilIdleAsync(client, destinationId, TimeSpan.FromSeconds(30));
            Assert.Equal((500L, 500L, 0L), await EngineFlows.AccountsAsync(client));
        }
        finally
        {
            await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "pause");
            await EngineFlows.SetFaultsAsync(client, new { });
        }
    }

    [Fact]
    public async Task FailedRecords_RetriedByLaterRuns_DeadAfterThreeAndRetryFailedRequeues()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var destinationId = await EngineFlows.ClariUploadAsync(client, await Flows.ClariAccountsDatasetAsync(client, 10));
        try
        {
            await EngineFlows.SetFaultsAsync(client, new { rate5xx = 1.0 });
            JsonElement run = default;
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                run = await Flows.RunDestinationAsync(client, destinationId);
                Assert.Equal("failed", run.GetProperty("status").GetString());
                Assert.Equal(10, run.GetProperty("recordsRead").GetInt64());
                Assert.Equal(10, run.GetProperty("recordsFailed").GetInt64());
            }

            var dead = JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{run.GetProperty("id").GetString()}/records?outcome=dead")).RootElement;
            Assert.Equal(10, dead.GetArrayLength());
            Assert.All(dead.EnumerateArray(), r => Assert.Equal(3, r.GetProperty("attempts").GetInt32()));
            Assert.All(dead.EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("error").GetString())));
            var fourth = await Flows.RunDestinationAsync(client, destinationId);
            Assert.Equal(0, fourth.GetProperty("recordsRead").GetInt64());

            await EngineFlows.SetFaultsAsync(client, new { });
            var retried = await client.PostJsonAsync($"/api/destinations/{destinationId}/retry-failed", new { }, 200);
            Assert.Equal(10, retried.GetProperty("requeued").GetInt32());
            var again = await client.WaitForRunAsync(retried.GetProperty("runId").GetString()!);
            Assert.Equal("succeeded", again.GetProperty("status").GetString());
            Assert.Equal(10, again.GetProperty("recordsSent").GetInt64());
            Assert.Equal((10L, 10L, 0L), await EngineFlows.AccountsAsync(client));
        }
        finally
        {
            await EngineFlows.SetFaultsAsync(client, new { });
        }
    }
}
