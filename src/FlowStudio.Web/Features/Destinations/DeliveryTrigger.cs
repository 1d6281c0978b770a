using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Runs;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>An active destination delivers new dataset records as they arrive: each scheduler tick starts a run when some are pending.</summary>
internal sealed class DeliveryTrigger(FlowStudioDb db, DeliveryRecords pending, DeliveryLog log, DestinationService destinations, RunQueue queue) : IScheduledTrigger
{
    public async Task TriggerAsync(DateTime now, CancellationToken cancellationToken)
    {
        var active = await db.Destinations.AsNoTracking().Where(d => d.Status == "active").Select(d => new { d.Id, d.DatasetId }).ToListAsync(cancellationToken);
        foreach (var destination in active.Where(d => !queue.IsRunning(d.Id)))
        {
            if (await pending.AnyPendingAsync(destination.Id, destination.DatasetId, log.MaxAttempts, cancellationToken))
            {
                await destinations.StartRunAsync(destination.Id, cancellationToken);
            }
        }
    }
}
