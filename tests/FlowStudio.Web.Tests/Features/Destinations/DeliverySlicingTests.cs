using System.Diagnostics;
using FlowStudio.Web.Tests.Features.Engine;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Tests.Features.Destinations;

/// <summary>A delivery of 3,000 records split into slices of 500 (<c>Engine:DeliverySliceRecords</c>), on one app.</summary>
public sealed class DeliverySlicingTests
{
    private const int Records = 3000;

    private static readonly Dictionary<string, string?> SliceSettings = new() { ["Engine:DeliverySliceRecords"] = "500" };

    [Fact]
    public async Task Activate_ManyRecords_SlicesDeliverEachRecordOnceAndMoveTheOffsetToTheEnd()
    {
        await using var app = new FlowStudioApp(SliceSettings);
        using var client = app.CreateClient();
        var (datasetId, destinationId) = await ActiveDestinationAsync(client);

        await EngineFlows.WaitForAccountsAsync(client, a => a.Distinct == Records, TimeSpan.FromSeconds(60));
        await EngineFlows.WaitUntilIdleAsync(client, destinationId, TimeSpan.FromSeconds(30));

        Assert.Equal((Records, Records, 0L), await EngineFlows.AccountsAsync(client));
        var run = Assert.Single(await EngineFlows.RunsAsync(client, destinationId));
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(Records, run.GetProperty("recordsRead").GetInt64());
        Assert.Equal(Records, run.GetProperty("recordsSent").GetInt64());
        Assert.Equal(Records / 100, run.GetProperty("requests").GetInt32());
        await using var db = Database(app);
        var slices = await db.DeliverySlices.AsNoTracking().Where(s => s.RunId == run.GetProperty("id").GetString()).OrderBy(s => s.Slice).ToListAsync();
        Assert.Equal(6, slices.Count);
        Assert.All(slices, s => Assert.Equal(s.ToId, s.DoneThrough));
        Assert.All(slices, s => Assert.NotNull(s.FinishedAt));
        Assert.All(slices, s => Assert.Null(s.Error));
        Assert.All(slices, s => Assert.Equal(500, s.RecordsSent));
        Assert.Equal(slices.Skip(1).Select(s => s.FromId), slices.SkipLast(1).Select(s => s.ToId));
        var lastRecord = await db.DatasetRecords.Where(r => r.DatasetId == datasetId).MaxAsync(r => r.Id);
        Assert.Equal(lastRecord, slices[^1].ToId);
        Assert.Equal(lastRecord, await db.DeliveryOffsets.Where(o => o.DestinationId == destinationId).Select(o => o.RecordId).SingleAsync());
    }

    [Fact]
    public async Task Pause_SlicesInFlight_CancelsThemAndActivateFinishesWithNothingLost()
    {
        await using var app = new FlowStudioApp(SliceSettings);
        using var client = app.CreateClient();
        await EngineFlows.SetFaultsAsync(client, new { latencyMs = 400 });
        var (datasetId, destinationId) = await ActiveDestinationAsync(client);
        await EngineFlows.WaitForAccountsAsync(client, a => a.Count >= 500, TimeSpan.FromSeconds(30));
        var first = (await EngineFlows.RunsAsync(client, destinationId)).Single().GetProperty("id").GetString()!;

        var watch = Stopwatch.StartNew();
        await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "pause");
        var cancelled = await client.WaitForRunAsync(first, TimeSpan.FromSeconds(10));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"Pause took {watch.Elapsed} to cancel the run");
        // Each slice records its own end as its cancellation reaches it, which may be a moment after the run's.
        var stopped = Stopwatch.StartNew();
        while (true)
        {
            await using var db = Database(app);
            var slices = await db.DeliverySlices.AsNoTracking().Where(s => s.RunId == first).ToListAsync();
            Assert.Equal(6, slices.Count);
            if (slices.All(s => s.FinishedAt is not null) || stopped.Elapsed > TimeSpan.FromSeconds(5))
            {
                Assert.All(slices, s => Assert.NotNull(s.FinishedAt));
                Assert.Contains(slices, s => s.DoneThrough < s.ToId);
                break;
            }

            await Task.Delay(100);
        }

        var atPause = await EngineFlows.AccountsAsync(client);
        Assert.InRange(atPause.Count, 500, Records - 100);
        await EngineFlows.SetFaultsAsync(client, new { });
        await Task.Delay(1500);
        Assert.Equal(atPause, await EngineFlows.AccountsAsync(client));

        await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "activate");
        await EngineFlows.WaitForAccountsAsync(client, a => a.Distinct == Records, TimeSpan.FromSeconds(60));
        await EngineFlows.WaitUntilIdleAsync(client, destinationId, TimeSpan.FromSeconds(30));

        var final = await EngineFlows.AccountsAsync(client);
        Assert.Equal(Records, final.Distinct);
        // At most the batches in flight when it paused (one per slice) are sent again.
        Assert.True(final.Duplicates <= 6 * 100, $"{final.Duplicates} records were sent twice");
        var runs = await EngineFlows.RunsAsync(client, destinationId);
        Assert.Equal(2, runs.Count);
        var second = runs.Single(r => r.GetProperty("id").GetString() != first);
        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        Assert.Equal(Records - atPause.Distinct, second.GetProperty("recordsSent").GetInt64(), 600.0);
        await using (var db = Database(app))
        {
            var lastRecord = await db.DatasetRecords.Where(r => r.DatasetId == datasetId).MaxAsync(r => r.Id);
            Assert.Equal(lastRecord, await db.DeliveryOffsets.Where(o => o.DestinationId == destinationId).Select(o => o.RecordId).SingleAsync());
        }
    }

    /// <summary>A webhook dataset of <see cref="Records"/> Clari accounts (all stored) and an active "Upload Entity Data" destination over it.</summary>
    private static async Task<(string DatasetId, string DestinationId)> ActiveDestinationAsync(HttpClient client)
    {
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, Records);
        await EngineFlows.WaitForRecordsAsync(client, datasetId, Records);

        var destinationId = await EngineFlows.ClariUploadAsync(client, datasetId);
        await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "activate");
        return (datasetId, destinationId);
    }

    private static FlowStudioDb Database(FlowStudioApp app)
    {
        var options = new DbContextOptionsBuilder<FlowStudioDb>();
        TestDatabase.Use(options, app.DataDirectory);
        return new FlowStudioDb(options.Options);
    }
}
