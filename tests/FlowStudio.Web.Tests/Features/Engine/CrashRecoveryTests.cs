using System.Diagnostics;
using FlowStudio.Web.Tests.Support;
using Xunit.Abstractions;

namespace FlowStudio.Web.Tests.Features.Engine;

/// <summary>The app killed (SIGKILL) in the middle of a delivery and restarted on the same database, with a standalone sandbox that outlives it.</summary>
[Collection(AppCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Records = 20_000;

    [Fact]
    public async Task KilledMidDelivery_Restarted_DeliversEveryRecordWithAtMostOneBatchTwice()
    {
        var data = Directory.CreateTempSubdirectory("flowstudio-crash-").FullName;
        var appPort = ChildProcess.FreePort();
        var watch = Stopwatch.StartNew();
        await using var sandbox = await ChildProcess.StartAsync("FlowStudio.Sandbox.dll", "/sandbox/_state", new Dictionary<string, string>());
        var environment = AppProcesses.Environment(data, sandbox.Root);
        ChildProcess? app = null;
        try
        {
            app = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment, appPort);
            output.WriteLine($"{watch.Elapsed}: sandbox and app started");
            using var vendor = new HttpClient { BaseAddress = sandbox.Root };
            string destinationId;
            using (var first = AppProcesses.OwnerClient(app.Root))
            {
                destinationId = await AppProcesses.ActivateDeliveryAsync(first, new Uri(sandbox.Root, "/sandbox/clari"), Records);
            }

            await vendor.PostJsonAsync("/sandbox/_faults", new { latencyMs = 15 }, 200);
            output.WriteLine($"{watch.Elapsed}: {Records} records in the dataset, destination active");

            var beforeKill = await EngineFlows.WaitForAccountsAsync(vendor, a => a.Count >= Records / 5, TimeSpan.FromSeconds(40));
            await app.KillAsync();
            Assert.True(beforeKill.Count <= Records * 4 / 5, $"the delivery was nearly done ({beforeKill.Count}) before the kill; slow the sandbox down");
            var atKill = await EngineFlows.AccountsAsync(vendor);
            output.WriteLine($"{watch.Elapsed}: killed with {atKill} received");

            await app.DisposeAsync();
            app = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment, appPort);
            using var client = AppProcesses.OwnerClient(app.Root);
            output.WriteLine($"{watch.Elapsed}: restarted");
            var final = await EngineFlows.WaitForAccountsAsync(vendor, a => a.Distinct == Records, TimeSpan.FromSeconds(45));
            await EngineFlows.WaitUntilIdleAsync(client, destinationId, TimeSpan.FromSeconds(15));
            final = await EngineFlows.AccountsAsync(vendor);
            output.WriteLine($"{watch.Elapsed}: all delivered, {final}");

            Assert.True(atKill.Count < Records, $"everything had arrived before the kill ({atKill})");
            Assert.Equal(Records, final.Distinct);
            Assert.True(final.Duplicates <= 100, $"{final.Duplicates} records were sent twice; at most the batch in flight may be (killed at {atKill})");
            var runs = await EngineFlows.RunsAsync(client, destinationId);
            var killed = runs.Single(r => r.GetProperty("startedAt").GetDateTime() == runs.Min(x => x.GetProperty("startedAt").GetDateTime()));
            if (TestDatabase.IsPostgres)
            {
                // The job scheduler's cluster recovery gives the killed instance's run to the restarted one, which resumes it.
                Assert.Equal(("succeeded", (long)Records), (killed.GetProperty("status").GetString(), killed.GetProperty("recordsSent").GetInt64()));
                Assert.Single(runs);
            }
            else
            {
                Assert.Equal("failed", killed.GetProperty("status").GetString());
                Assert.Contains("stopped while this run was in progress", killed.GetProperty("error").GetString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            TestDatabase.ReleaseConnections();
            AppProcesses.TryDelete(data);
        }
    }
}
