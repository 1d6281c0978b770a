using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// Where a destination's records stand: sent, pending (past its offset, not tried yet), failed (tried again later) and
/// dead (failed for good). Every screen and the runs' progress read them from <see cref="LoadAsync"/>, one query.
/// </summary>
public sealed record DeliveryCounts(long Sent, long Pending, long Failed, long Dead)
{
    public static readonly DeliveryCounts None = new(0, 0, 0, 0);

    /// <summary>Failed and dead-lettered records, which "Retry failed records" queues again.</summary>
    public long Undelivered => Failed + Dead;

    /// <summary>The counts of one destination, or of all when <paramref name="destinationId"/> is null.</summary>
    internal static async Task<Dictionary<string, DeliveryCounts>> LoadAsync(FlowStudioDb db, string? destinationId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<CountRow>($"""
            SELECT d."Id" AS "DestinationId",
              (SELECT COUNT(*) FROM "DatasetRecords" r WHERE r."DatasetId" = d."DatasetId" AND r."Id" <= COALESCE(o."RecordId", 0)) AS "Settled",
              (SELECT COUNT(*) FROM "DatasetRecords" r WHERE r."DatasetId" = d."DatasetId" AND r."Id" > COALESCE(o."RecordId", 0)) AS "Past",
              (SELECT COUNT(*) FROM "FailedDeliveries" f WHERE f."DestinationId" = d."Id" AND NOT f."Permanent") AS "Failed",
              (SELECT COUNT(*) FROM "FailedDeliveries" f WHERE f."DestinationId" = d."Id" AND f."Permanent") AS "Dead",
              (SELECT COUNT(*) FROM "FailedDeliveries" f WHERE f."DestinationId" = d."Id" AND f."RecordId" > COALESCE(o."RecordId", 0)) AS "FailedPast"
            FROM "Destinations" d LEFT JOIN "DeliveryOffsets" o ON o."DestinationId" = d."Id"
            WHERE CAST({destinationId} AS TEXT) IS NULL OR d."Id" = {destinationId}
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.DestinationId,
            r => new DeliveryCounts(r.Settled - (r.Failed + r.Dead - r.FailedPast), r.Past - r.FailedPast, r.Failed, r.Dead));
    }

    internal sealed class CountRow
    {
        public string DestinationId { get; set; } = "";

        public long Settled { get; set; }

        public long Past { get; set; }

        public long Failed { get; set; }

        public long Dead { get; set; }

        public long FailedPast { get; set; }
    }
}
