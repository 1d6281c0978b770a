using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Paths;
using FlowStudio.Web.Data;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>Reads the dataset records a destination still has to deliver, in id order, a page at a time.</summary>
internal sealed class DeliveryRecords(FlowStudioDb db)
{
    /// <summary>Records never attempted, left in flight by an interrupted run, or failed fewer than <paramref name="maxAttempts"/> times.</summary>
    public async Task<List<DeliveryRecord>> PendingAsync(string destinationId, string datasetId, long afterId, int maxAttempts, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<PendingRow>($"""
            SELECT r.Id AS Id, r.DataJson AS DataJson FROM DatasetRecords r
            LEFT JOIN DeliveryStates s ON s.DestinationId = {destinationId} AND s.RecordId = r.Id
            WHERE r.DatasetId = {datasetId} AND r.Id > {afterId}
              AND (s.RecordId IS NULL OR s.Outcome = 'inflight' OR (s.Outcome = 'failed' AND s.Attempts < {maxAttempts}))
            ORDER BY r.Id LIMIT {limit}
            """).ToListAsync(cancellationToken);
        return rows.Select(r => new DeliveryRecord(r.Id, (JObject)JsonText.Parse(r.DataJson))).ToList();
    }

    public async Task<bool> AnyPendingAsync(string destinationId, string datasetId, int maxAttempts, CancellationToken cancellationToken) =>
        (await PendingAsync(destinationId, datasetId, 0, maxAttempts, 1, cancellationToken)).Count > 0;

    /// <summary>The first records of the dataset, for sample payloads.</summary>
    public async Task<List<DeliveryRecord>> FirstAsync(string datasetId, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id).Take(limit)
            .Select(r => new { r.Id, r.DataJson }).ToListAsync(cancellationToken);
        return rows.Select(r => new DeliveryRecord(r.Id, (JObject)JsonText.Parse(r.DataJson))).ToList();
    }

    internal sealed class PendingRow
    {
        public long Id { get; set; }

        public string DataJson { get; set; } = "";
    }
}
