using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// An active destination delivers records as they arrive: each scheduler tick starts a run when it has records never
/// sent, records left in flight by an interrupted run, or failed records whose retry delay has passed. A destination
/// that fails here is logged with its id and skipped; the others are still checked.
/// </summary>
internal sealed class DeliveryTrigger(
    FlowStudioDb db, DeliveryStore store, RunLauncher launcher, ILogger<DeliveryTrigger> logger)
    : IScheduledTrigger
{
    public async Task TriggerAsync(DateTime now, CancellationToken cancellationToken)
    {
        var active = await db.Destinations.AsNoTracking().Where(d => d.Status == ResourceStatus.Active).Select(d => new { d.Id, d.DatasetId }).ToListAsync(cancellationToken);
        var running = await RunLauncher.RunningAsync(db, cancellationToken);
        foreach (var destination in active.Where(d => !running.Contains(d.Id)))
        {
            try
            {
                await StartIfPendingAsync(destination.Id, destination.DatasetId, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                logger.LogError(ex, "Destination {DestinationId}: checking for records to deliver or starting its run failed; skipped this tick", destination.Id);
            }
        }
    }

    private async Task StartIfPendingAsync(string destinationId, string datasetId, DateTime now, CancellationToken cancellationToken)
    {
        if (await store.AnyPendingAsync(destinationId, datasetId, now, cancellationToken))
        {
            await launcher.StartAsync(destinationId, RunKind.Destination, automatic: true, cancellationToken);
        }
    }
}
