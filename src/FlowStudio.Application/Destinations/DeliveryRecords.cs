using FlowStudio.Engine.Destinations;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>Reads the dataset records a destination still has to deliver, in id order, a page at a time.</summary>
internal sealed class DeliveryRecords(FlowStudioDb db)
{
    private static readonly string InFlightWord = DeliveryStateOutcome.InFlight.ToWord();
    private static readonly string FailedWord = DeliveryStateOutcome.Failed.ToWord();

    /// <summary>
    /// Records never attempted, left in flight by an interrupted run, or failed fewer than <paramref name="maxAttempts"/>
    /// times with the last failure at or before <paramref name="failedBefore"/> (so a run does not retry what it just tried).
    /// </summary>
    public async Task<List<DeliveryRecord>> PendingAsync(
        string destinationId, string datasetId, long afterId, int maxAttempts, DateTime failedBefore, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<PendingRow>($"""
            SELECT r.Id AS Id, r.DataJson AS DataJson FROM DatasetRecords r
            LEFT JOIN DeliveryStates s ON s.DestinationId = {destinationId} AND s.RecordId = r.Id
            WHERE r.DatasetId = {datasetId} AND r.Id > {afterId}
              AND (s.RecordId IS NULL OR s.Outcome = {InFlightWord}
                OR (s.Outcome = {FailedWord} AND s.Attempts < {maxAttempts} AND s.UpdatedAt <= {failedBefore}))
            ORDER BY r.Id LIMIT {limit}
            """).ToListAsync(cancellationToken);
        return rows.Select(r => DeliveryRecord.FromJson(r.Id, r.DataJson)).ToList();
    }

    /// <summary>Whether a run would find something to deliver (failed records count once <paramref name="failedBefore"/> has passed their last try).</summary>
    public async Task<bool> AnyPendingAsync(string destinationId, string datasetId, int maxAttempts, DateTime failedBefore, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"""
            SELECT r.Id AS Value FROM DatasetRecords r
            LEFT JOIN DeliveryStates s ON s.DestinationId = {destinationId} AND s.RecordId = r.Id
            WHERE r.DatasetId = {datasetId}
              AND (s.RecordId IS NULL OR s.Outcome = {InFlightWord}
                OR (s.Outcome = {FailedWord} AND s.Attempts < {maxAttempts} AND s.UpdatedAt <= {failedBefore}))
            LIMIT 1
            """).AnyAsync(cancellationToken);

    /// <summary>The first records of the dataset, for sample payloads.</summary>
    public async Task<List<DeliveryRecord>> FirstAsync(string datasetId, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id).Take(limit)
            .Select(r => new { r.Id, r.DataJson }).ToListAsync(cancellationToken);
        return rows.Select(r => DeliveryRecord.FromJson(r.Id, r.DataJson)).ToList();
    }

    internal sealed class PendingRow
    {
        public long Id { get; set; }

        public string DataJson { get; set; } = "";
    }
}
