using System.Diagnostics;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Engine;

[Collection(AppCollection.Name)]
public sealed class EngineOptionsTests(FlowStudioApp app)
{
    [Fact]
    public void Start_InvalidEngineSetting_FailsNamingTheSetting()
    {
        var error = Assert.ThrowsAny<Exception>(() => new FlowStudioApp(new Dictionary<string, string?> { ["Engine:MaxConcurrentRuns"] = "0" }));

        Assert.Contains("MaxConcurrentRuns", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_RateLimitConcurrencyAndMaxAttempts_PaceRequestsAndDeadLetterAtOnce()
    {
        await using var limited = new FlowStudioApp(new Dictionary<string, string?>
        {
            ["Engine:RateLimits:clari"] = "5",
            ["Engine:DestinationConcurrency"] = "2",
            ["Engine:DeliveryMaxAttempts"] = "1",
        });
        using var client = limited.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 10);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "One request per account",
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", url = "/v2/ingest/entity/account?mode=incremental&isLastBatch=false" },
        }, 201);
        var destinationId = destination.GetProperty("id").GetString()!;

        var watch = Stopwatch.StartNew();
        var run = await Flows.RunDestinationAsync(client, destinationId);
        watch.Stop();

        // Each record alone is not the array of data sets Clari wants, so all 10 requests fail: two at a time, yet paced
        // at 5 per second by the credential's budget.
        Assert.Equal(10, run.GetProperty("requests").GetInt32());
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.7), $"10 requests at 5/s took only {watch.Elapsed}");
        var dead = JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{run.GetProperty("id").GetString()}/records?outcome=dead")).RootElement;
        Assert.Equal(10, dead.GetArrayLength());
        Assert.Equal(0, (await Flows.RunDestinationAsync(client, destinationId)).GetProperty("recordsRead").GetInt64());
    }

    [Fact]
    public async Task SourceRun_StopsAtThePageCap_AndSaysSo()
    {
        await using var capped = new FlowStudioApp(new Dictionary<string, string?> { ["Engine:SourceMaxPages"] = "2" });
        using var client = capped.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Contacts past the cap",
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            templateId = "clientsuccess.search-contacts",
        }, 201);

        var run = await Flows.RunSourceAsync(client, source.GetProperty("id").GetString()!);

        Assert.Equal(2, run.GetProperty("requests").GetInt32());
        Assert.True(run.GetProperty("recordsRead").GetInt64() > 0, run.ToString());
        Assert.Contains("stopped at the page cap (2 pages, Engine:SourceMaxPages)", run.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanupAsync_RunPastRetention_DeletedAndItsRecordsStayDelivered()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var destinationId = await EngineFlows.ClariUploadAsync(client, await Flows.ClariAccountsDatasetAsync(client, 10));
        var runId = (await Flows.RunDestinationAsync(client, destinationId)).GetProperty("id").GetString()!;
        using (var scope = app.Services.CreateScope())
        {
            var longAgo = DateTime.UtcNow.AddDays(-31);
            await scope.ServiceProvider.GetRequiredService<FlowStudioDb>().Runs.Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, longAgo).SetProperty(r => r.FinishedAt, longAgo));
        }

        var deleted = await app.Services.GetRequiredService<RunCleanup>().CleanupAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/runs/{runId}")).StatusCode);
        Assert.Equal(0, (await Flows.RunDestinationAsync(client, destinationId)).GetProperty("recordsRead").GetInt64());
        Assert.Equal((10L, 10L, 0L), await EngineFlows.AccountsAsync(client));
    }
}
