using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>
/// An active destination delivers records as they arrive: each scheduler tick starts a run when it has records never
/// sent, records left in flight by an interrupted run, or failed records whose retry delay has passed.
/// </summary>
internal sealed class DeliveryTrigger(FlowStudioDb db, DeliveryRecords pending, DeliveryLog log, RunQueue queue) : IScheduledTrigger
{
    public async Task TriggerAsync(DateTime now, CancellationToken cancellationToken)
    {
        var active = await db.Destinations.AsNoTracking().Where(d => d.Status == "active").Select(d => new { d.Id, d.DatasetId }).ToListAsync(cancellationToken);
        foreach (var destination in active.Where(d => !queue.IsRunning(d.Id)))
        {
            if (await pending.AnyPendingAsync(destination.Id, destination.DatasetId, log.MaxAttempts, now - log.FailedRetryDelay, cancellationToken))
            {
                var run = new Run { Id = ResourceIds.New("run"), ResourceId = destination.Id, Kind = "destination", Automatic = true, StartedAt = now };
                db.Runs.Add(run);
                await db.SaveChangesAsync(cancellationToken);
                queue.Enqueue(new RunRequest(run.Id, destination.Id, "destination"));
            }
        }
    }
}
