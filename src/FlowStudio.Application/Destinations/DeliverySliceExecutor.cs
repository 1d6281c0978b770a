using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>Delivers one slice's records from its own offset to its end (failed records are the coordinator's, before it splits).</summary>
internal sealed class DeliverySliceExecutor(FlowStudioDb db, DestinationPlanner planner, DeliveryPass pass)
{
    public async Task ExecuteAsync(RunRequest request, DeliverySlice slice, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == request.RunId, cancellationToken);
        var destination = await db.Destinations.AsNoTracking().FirstAsync(d => d.Id == request.ResourceId, cancellationToken);
        var (plan, errors) = await planner.PlanAsync(DestinationService.ToRequest(destination), cancellationToken);
        if (plan is null)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        await pass.RunAsync(request, run, destination, plan, new DeliveryRange(slice.DoneThrough, slice.ToId, RetryFailed: false, slice.Slice), cancellationToken);
    }
}
