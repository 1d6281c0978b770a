using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// Splits a large delivery run into slices of record ids that any worker delivers, and waits for them. A run finding more
/// than twice <see cref="EngineOptions.DeliverySliceRecords"/> new records (up to the dataset's highest id when it starts;
/// later records wait for the next run) is split into at most <see cref="EngineOptions.DeliveryMaxSlices"/> slices of about
/// the same size. A run that follows a split run that did not finish (paused, failed, interrupted) first takes over that
/// run's unfinished slices from where each stopped, so nothing is sent twice.
/// </summary>
internal sealed class DeliverySlicing(
    FlowStudioDb db, DeliveryStore store, RunDispatcher dispatcher, RunsInFlight inFlight, RunEvents events, IOptions<EngineOptions> options, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public Task<List<DeliverySlice>> OfRunAsync(string runId, CancellationToken cancellationToken) =>
        db.DeliverySlices.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Slice).ToListAsync(cancellationToken);

    /// <summary>
    /// The slices run <paramref name="runId"/> delivers (none: it delivers in one pass, as a run always did), and the
    /// destination's offset, which moves when an earlier split run delivered every slice but stopped before moving it.
    /// </summary>
    public async Task<(long Offset, List<DeliverySlice> Slices)> PlanAsync(
        string destinationId, string datasetId, string runId, long offset, CancellationToken cancellationToken)
    {
        var slices = new List<DeliverySlice>();
        var from = offset;
        if (await LeftByEarlierRunAsync(destinationId, runId, offset, cancellationToken) is { Count: > 0 } left)
        {
            from = left.Max(s => s.ToId);
            foreach (var open in left.Where(s => s.DoneThrough < s.ToId))
            {
                slices.Add(New(runId, slices.Count + 1, open.DoneThrough, open.ToId));
            }

            if (slices.Count == 0)
            {
                await store.AdvanceOffsetAsync(destinationId, from, time.GetUtcNow().UtcDateTime, cancellationToken);
                offset = from;
            }
        }

        var engine = options.Value;
        var size = engine.DeliverySliceRecords;
        if (size == 0 && slices.Count == 0)
        {
            return (offset, slices);
        }

        var upTo = await store.LastRecordIdAsync(datasetId, cancellationToken);
        var pending = upTo > from ? await store.CountBetweenAsync(datasetId, from, upTo, cancellationToken) : 0;
        if (size > 0 && pending > 2L * size)
        {
            var count = (int)Math.Min((pending + size - 1L) / size, engine.DeliveryMaxSlices);
            var start = from;
            foreach (var end in (await store.SplitIdsAsync(datasetId, from, upTo, pending, count, cancellationToken)).Append(upTo))
            {
                slices.Add(New(runId, slices.Count + 1, start, end));
                start = end;
            }
        }
        else if (slices.Count > 0 && pending > 0)
        {
            slices.Add(New(runId, slices.Count + 1, from, upTo));
        }

        return (offset, slices);
    }

    /// <summary>
    /// Hands every unfinished slice of the run to the job scheduler (again, when the scheduler lost one) and waits until
    /// all have finished, telling open pages of the run's progress; returns them.
    /// </summary>
    public async Task<List<DeliverySlice>> DeliverAsync(RunRequest request, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var slices = await OfRunAsync(request.RunId, cancellationToken);
                var open = slices.Where(s => s.FinishedAt is null).ToList();
                if (open.Count == 0)
                {
                    return slices;
                }

                var held = await dispatcher.HeldSlicesAsync(request.RunId, cancellationToken);
                foreach (var slice in open.Where(s => !held.Contains(s.Slice)))
                {
                    await dispatcher.DispatchSliceAsync(request, slice.Slice, cancellationToken);
                }

                events.Progressed(request);
                await Task.Delay(PollInterval, time, cancellationToken);
            }
        }
        catch
        {
            // The run ends here (cancelled, stopping, failed): its slices stop too, wherever they execute.
            await StopSlicesAsync(request.RunId);
            throw;
        }
    }

    private async Task StopSlicesAsync(string runId)
    {
        inFlight.CancelRun(runId);
        db.ChangeTracker.Clear();
        if (!await db.RunCancellations.AnyAsync(c => c.RunId == runId, CancellationToken.None))
        {
            db.RunCancellations.Add(new RunCancellation { RunId = runId, RequestedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The slices past <paramref name="offset"/> of the destination's last split run before <paramref name="runId"/>, once
    /// none of them executes any more (their run has ended, so they stop within a second).
    /// </summary>
    private async Task<List<DeliverySlice>> LeftByEarlierRunAsync(string destinationId, string runId, long offset, CancellationToken cancellationToken)
    {
        var earlier = await db.Runs.AsNoTracking()
            .Where(r => r.ResourceId == destinationId && r.Id != runId && db.DeliverySlices.Any(s => s.RunId == r.Id))
            .OrderByDescending(r => r.StartedAt).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (earlier is null)
        {
            return [];
        }

        while (true)
        {
            var slices = await OfRunAsync(earlier, cancellationToken);
            var held = await dispatcher.HeldSlicesAsync(earlier, cancellationToken);
            if (!slices.Any(s => s.FinishedAt is null && held.Contains(s.Slice)))
            {
                return slices.Where(s => s.ToId > offset).ToList();
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private static DeliverySlice New(string runId, int number, long fromId, long toId) =>
        new() { RunId = runId, Slice = number, FromId = fromId, ToId = toId, DoneThrough = fromId };
}
