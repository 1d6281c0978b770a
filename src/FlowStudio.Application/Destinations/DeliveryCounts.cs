using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>How many of a destination's records were sent, failed (still retried) and dead-lettered.</summary>
public sealed record DeliveryCounts(long Sent, long Failed, long Dead)
{
    public static readonly DeliveryCounts None = new(0, 0, 0);

    /// <summary>Failed and dead-lettered records, which "Retry failed records" queues again.</summary>
    public long Undelivered => Failed + Dead;

    internal static async Task<Dictionary<string, DeliveryCounts>> LoadAsync(FlowStudioDb db, string? destinationId, CancellationToken cancellationToken)
    {
        var states = db.DeliveryStates.AsNoTracking();
        if (destinationId is not null)
        {
            states = states.Where(s => s.DestinationId == destinationId);
        }

        var rows = await states.GroupBy(s => new { s.DestinationId, s.Outcome })
            .Select(g => new { g.Key.DestinationId, g.Key.Outcome, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.DestinationId).ToDictionary(
            g => g.Key,
            g => new DeliveryCounts(
                g.Where(r => r.Outcome == DeliveryStateOutcome.Sent).Sum(r => r.Count),
                g.Where(r => r.Outcome == DeliveryStateOutcome.Failed).Sum(r => r.Count),
                g.Where(r => r.Outcome == DeliveryStateOutcome.Dead).Sum(r => r.Count)));
    }
}
