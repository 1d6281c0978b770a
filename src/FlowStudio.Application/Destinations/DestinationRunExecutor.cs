using FlowStudio.Engine.Destinations;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// Delivers a dataset's undelivered records: first the failed records that are due again, then the records past the
/// destination's offset. Failed records are tried again by later runs until they fail permanently or
/// <see cref="EngineOptions.DeliveryMaxAttempts"/> times. A run with many new records splits them into slices that any
/// worker delivers (<see cref="DeliverySlicing"/>): the run retries the due failed records, waits for its slices, and moves
/// the offset past them once every slice has delivered its last record.
/// </summary>
internal sealed class DestinationRunExecutor(
    FlowStudioDb db, DestinationPlanner planner, DeliveryStore store, DeliveryPass pass, DeliverySlicing slicing, TimeProvider time) : IRunExecutor
{
    public RunKind Kind => RunKind.Destination;

    public async Task ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var run = await db.Runs.FirstAsync(r => r.Id == request.RunId, cancellationToken);
        var destination = await db.Destinations.AsNoTracking().FirstAsync(d => d.Id == request.ResourceId, cancellationToken);
        if (run.Automatic && destination.Status != ResourceStatus.Active)
        {
            await FinishAsync(run, RunStatus.Cancelled, "The destination was paused before this run started.", cancellationToken);
            return;
        }

        var (plan, errors) = await planner.PlanAsync(DestinationService.ToRequest(destination), cancellationToken);
        if (plan is null)
        {
            await FinishAsync(run, RunStatus.Failed, string.Join(" ", errors), cancellationToken);
            return;
        }

        var offset = await store.OffsetAsync(destination.Id, cancellationToken);
        if (LastBatchFlag.ClosesLoad(plan.Config.Url) && await slicing.OfRunAsync(run.Id, cancellationToken) is not { Count: > 0 })
        {
            // A load that its last call closes goes in order on one instance: it is never split.
            await pass.RunAsync(request, run, destination, plan, DeliveryRange.Whole(offset), cancellationToken);
            await FinishDeliveredAsync(run, unfinished: null, cancellationToken);
            return;
        }

        // A coordinator executed again after its instance died finds its slices and waits for them again.
        if (await slicing.OfRunAsync(run.Id, cancellationToken) is not { Count: > 0 })
        {
            (offset, var slices) = await slicing.PlanAsync(destination.Id, plan.DatasetId, run.Id, offset, cancellationToken);
            if (slices.Count == 0)
            {
                await pass.RunAsync(request, run, destination, plan, DeliveryRange.Whole(offset), cancellationToken);
                await FinishDeliveredAsync(run, unfinished: null, cancellationToken);
                return;
            }

            await pass.RunAsync(request, run, destination, plan, new DeliveryRange(offset, offset, RetryFailed: true, Slice: null), cancellationToken);
            db.DeliverySlices.AddRange(slices);
            await db.SaveChangesAsync(cancellationToken);
        }

        var delivered = await slicing.DeliverAsync(request, cancellationToken);
        var unfinished = delivered.Where(s => s.DoneThrough < s.ToId).ToList();
        if (unfinished.Count == 0)
        {
            await store.AdvanceOffsetAsync(destination.Id, delivered.Max(s => s.ToId), time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await FinishDeliveredAsync(run, unfinished, cancellationToken);
    }

    /// <summary>Ends the run by its counts, or when slices stopped before their end (<paramref name="unfinished"/>), by why they did.</summary>
    private async Task FinishDeliveredAsync(Run run, List<DeliverySlice>? unfinished, CancellationToken cancellationToken)
    {
        await db.Entry(run).ReloadAsync(cancellationToken);
        if (unfinished is { Count: > 0 })
        {
            // Slices cancelled by a pause may all end before the run itself hears of it.
            var paused = await db.RunCancellations.AnyAsync(c => c.RunId == run.Id, cancellationToken);
            await FinishAsync(
                run,
                paused ? RunStatus.Cancelled : RunStatus.Failed,
                paused ? RunProcessor.PausedError
                    : $"{unfinished.Count} slices stopped before their end ({unfinished[0].Error}); the destination's next run continues where they stopped.",
                cancellationToken);
            return;
        }

        await FinishAsync(
            run,
            run.RecordsFailed > 0 && run.RecordsSent == 0 ? RunStatus.Failed : RunStatus.Succeeded,
            run.RecordsFailed > 0 ? $"{run.RecordsFailed} records failed; see the run's records." : null,
            cancellationToken);
    }

    private async Task FinishAsync(Run run, RunStatus status, string? error, CancellationToken cancellationToken)
    {
        run.Status = status;
        run.Error = error;
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
