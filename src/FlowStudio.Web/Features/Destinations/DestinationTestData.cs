using FlowStudio.Engine.Destinations;
using FlowStudio.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>
/// Send Test Data on a saved destination, as its page and the flow canvas offer it: one sample payload built by the same
/// code that delivers, sent once with the destination's credential. Nothing counts as delivered.
/// </summary>
internal sealed class DestinationTestData(FlowStudioDb db, DestinationPlanner planner, SamplePayloads samples, DeliveryRunner runner)
{
    /// <summary>Sends sample payload <paramref name="index"/> (its body replaced by <paramref name="payload"/> when given); null when the destination does not exist.</summary>
    public async Task<TestDataOutcome?> SendAsync(string id, int index, string? payload, CancellationToken cancellationToken)
    {
        var destination = await db.Destinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return destination is null
            ? null
            : await DestinationPreview.SendTestDataAsync(DestinationService.ToRequest(destination), index, payload, planner, samples, runner, cancellationToken);
    }
}
