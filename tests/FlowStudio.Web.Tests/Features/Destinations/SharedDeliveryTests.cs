using FlowStudio.Web.Tests.Features.Engine;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FlowStudio.Web.Tests.Features.Destinations;

/// <summary>Two app processes on one PostgreSQL database sharing one large delivery through its slices, with a standalone sandbox.</summary>
public sealed class SharedDeliveryTests(ITestOutputHelper output)
{
    private const int Records = 8000;

    [PostgresFact]
    public async Task TwoInstances_OneLargeDelivery_BothExecuteSlicesAndEveryRecordArrivesOnce()
    {
        var data = Directory.CreateTempSubdirectory("flowstudio-shared-").FullName;
        await using var sandbox = await ChildProcess.StartAsync("FlowStudio.Sandbox.dll", "/sandbox/_state", new Dictionary<string, string>());
        var environment = AppProcesses.Environment(data, sandbox.Root);
        // 8 slices of 1,000 records; each instance executes 4 at once, so one instance alone cannot take them all.
        environment["Engine__DeliverySliceRecords"] = "500";
        ChildProcess? first = null;
        ChildProcess? second = null;
        try
        {
            first = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment);
            second = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", new Dictionary<string, string>(environment) { ["Role"] = "worker" });
            using var vendor = new HttpClient { BaseAddress = sandbox.Root };
            await EngineFlows.SetFaultsAsync(vendor, new { latencyMs = 100 });
            using var client = AppProcesses.OwnerClient(first.Root);
            var destinationId = await AppProcesses.ActivateDeliveryAsync(client, new Uri(sandbox.Root, "/sandbox/clari"), Records);

            await EngineFlows.WaitForAccountsAsync(vendor, a => a.Distinct == Records, TimeSpan.FromSeconds(120));
            await EngineFlows.WaitUntilIdleAsync(client, destinationId, TimeSpan.FromSeconds(30));

            Assert.Equal((Records, Records, 0L), await EngineFlows.AccountsAsync(vendor));
            var run = Assert.Single(await EngineFlows.RunsAsync(client, destinationId));
            Assert.Equal("succeeded", run.GetProperty("status").GetString());
            Assert.Equal(Records, run.GetProperty("recordsSent").GetInt64());
            var options = new DbContextOptionsBuilder<FlowStudioDb>();
            TestDatabase.Use(options, data);
            await using var db = new FlowStudioDb(options.Options);
            var slices = await db.DeliverySlices.AsNoTracking().Where(s => s.RunId == run.GetProperty("id").GetString()).OrderBy(s => s.Slice).ToListAsync();
            foreach (var slice in slices)
            {
                output.WriteLine($"slice {slice.Slice} ({slice.FromId}, {slice.ToId}]: {slice.RecordsSent} sent by {slice.Instance}");
            }

            Assert.Equal(8, slices.Count);
            Assert.All(slices, s => Assert.Equal(s.ToId, s.DoneThrough));
            Assert.Equal(2, slices.Select(s => s.Instance).Distinct().Count());
            Assert.Equal(slices[^1].ToId, await db.DeliveryOffsets.Where(o => o.DestinationId == destinationId).Select(o => o.RecordId).SingleAsync());
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            if (first is not null)
            {
                await first.DisposeAsync();
            }

            TestDatabase.ReleaseConnections();
            AppProcesses.TryDelete(data);
        }
    }

    [PostgresFact]
    public async Task WorkerKilledMidSlice_TheOtherInstanceResumesItsSlices_EveryRecordArrives()
    {
        var data = Directory.CreateTempSubdirectory("flowstudio-shared-kill-").FullName;
        await using var sandbox = await ChildProcess.StartAsync("FlowStudio.Sandbox.dll", "/sandbox/_state", new Dictionary<string, string>());
        var environment = AppProcesses.Environment(data, sandbox.Root, ("Engine__DeliverySliceRecords", "500"));
        ChildProcess? first = null;
        ChildProcess? second = null;
        try
        {
            first = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment);
            second = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", new Dictionary<string, string>(environment) { ["Role"] = "worker" });
            using var probe = new HttpClient { BaseAddress = second.Root };
            var killed = System.Text.Json.JsonDocument.Parse(await probe.GetStringAsync("/api/health/instance")).RootElement.GetProperty("instance").GetString();
            using var vendor = new HttpClient { BaseAddress = sandbox.Root };
            await EngineFlows.SetFaultsAsync(vendor, new { latencyMs = 150 });
            using var client = AppProcesses.OwnerClient(first.Root);
            var destinationId = await AppProcesses.ActivateDeliveryAsync(client, new Uri(sandbox.Root, "/sandbox/clari"), Records);
            var options = new DbContextOptionsBuilder<FlowStudioDb>();
            TestDatabase.Use(options, data);
            await using var db = new FlowStudioDb(options.Options);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!await db.DeliverySlices.AnyAsync(s => s.Instance == killed && s.RecordsSent > 0 && s.FinishedAt == null))
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the second instance never delivered part of a slice");
                await Task.Delay(50);
            }

            await second.KillAsync();
            var atKill = await EngineFlows.AccountsAsync(vendor);
            output.WriteLine($"killed {killed} with {atKill} received");

            await EngineFlows.WaitForAccountsAsync(vendor, a => a.Distinct == Records, TimeSpan.FromSeconds(120));
            await EngineFlows.WaitUntilIdleAsync(client, destinationId, TimeSpan.FromSeconds(30));

            var final = await EngineFlows.AccountsAsync(vendor);
            Assert.True(atKill.Distinct < Records, $"everything had arrived before the kill ({atKill})");
            Assert.Equal(Records, final.Distinct);
            // At most the requests in flight on the killed instance (one per slice it executed) are sent twice.
            Assert.True(final.Duplicates <= 4 * 100, $"{final.Duplicates} records were sent twice");
            var run = Assert.Single(await EngineFlows.RunsAsync(client, destinationId));
            Assert.Equal("succeeded", run.GetProperty("status").GetString());
            // The pages the killed instance had read ahead are read again by the other one, and counted once.
            Assert.Equal((Records, Records), (run.GetProperty("recordsRead").GetInt64(), run.GetProperty("recordsSent").GetInt64()));
            var slices = await db.DeliverySlices.AsNoTracking().Where(s => s.RunId == run.GetProperty("id").GetString()).ToListAsync();
            Assert.All(slices, s => Assert.Equal(s.ToId, s.DoneThrough));
            Assert.DoesNotContain(slices, s => s.Instance == killed);
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            if (first is not null)
            {
                await first.DisposeAsync();
            }

            TestDatabase.ReleaseConnections();
            AppProcesses.TryDelete(data);
        }
    }
}
