using System.Diagnostics;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Engine;

/// <summary>Destinations, runs and sandbox counts as the engine tests use them, all through the public API.</summary>
internal static class EngineFlows
{
    /// <summary>An "Upload Entity Data" destination (Entity Type Account, Mode Incremental, Is Last Batch false); returns its id.</summary>
    public static async Task<string> ClariUploadAsync(HttpClient client, string datasetId, string? credentialId = null)
    {
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Accounts to Clari " + Guid.NewGuid().ToString("N")[..6],
            datasetId,
            credentialId = credentialId ?? await client.CredentialIdAsync("Clari Sandbox"),
            templateId = "clari.upload-entity-data",
            parameters = new Dictionary<string, string> { ["entityType"] = "account", ["mode"] = "incremental", ["isLastBatch"] = "false" },
        }, 201);
        return destination.GetProperty("id").GetString()!;
    }

    /// <summary>The sandbox's tally of Clari account records: (count, distinct ids, duplicates).</summary>
    public static async Task<(long Count, long Distinct, long Duplicates)> AccountsAsync(HttpClient client)
    {
        var account = (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("account");
        return (account.GetProperty("count").GetInt64(), account.GetProperty("distinctIds").GetInt64(), account.GetProperty("duplicates").GetInt64());
    }

    /// <summary>Polls the sandbox until <paramref name="done"/> holds for the account tally (bounded).</summary>
    public static async Task<(long Count, long Distinct, long Duplicates)> WaitForAccountsAsync(
        HttpClient client, Func<(long Count, long Distinct, long Duplicates), bool> done, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var accounts = await AccountsAsync(client);
            if (done(accounts))
            {
                return accounts;
            }

            Assert.True(watch.Elapsed < timeout, $"the sandbox still has {accounts} Clari accounts after {timeout}");
            await Task.Delay(50);
        }
    }

    public static async Task<List<JsonElement>> RunsAsync(HttpClient client, string resourceId) =>
        [.. JsonDocument.Parse(await client.GetStringAsync($"/api/runs?resourceId={resourceId}")).RootElement.EnumerateArray().Select(r => r.Clone())];

    /// <summary>Waits (bounded) until the resource has no run in progress and nothing left to deliver starts another.</summary>
    public static async Task WaitUntilIdleAsync(HttpClient client, string resourceId, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var quietSince = TimeSpan.Zero;
        while (true)
        {
            var running = (await RunsAsync(client, resourceId)).Any(r => r.GetProperty("status").GetString() == "running");
            if (running)
            {
                quietSince = watch.Elapsed;
            }
            else if (watch.Elapsed - quietSince > TimeSpan.FromSeconds(1.5))
            {
                // Longer than a scheduler tick with nothing running: no run is about to start either.
                return;
            }

            Assert.True(watch.Elapsed < timeout, $"{resourceId} still has runs in progress after {timeout}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits (bounded) until the dataset holds <paramref name="records"/> records (a webhook's records are stored after it answers).</summary>
    public static async Task WaitForRecordsAsync(HttpClient client, string datasetId, int records)
    {
        var watch = Stopwatch.StartNew();
        while (JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}")).RootElement.GetProperty("recordCount").GetInt64() < records)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"the dataset does not hold the webhook's {records} records yet");
            await Task.Delay(100);
        }
    }

    public static Task SetFaultsAsync(HttpClient client, object faults) => client.PostJsonAsync("/sandbox/_faults", faults, 200);

    public static Task SetStatusAsync(HttpClient client, string kind, string id, string action) =>
        client.PostJsonAsync($"/api/{kind}/{id}/{action}", new { }, 200);
}
