using System.Text.Json;
using System.Text.Json.Nodes;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Destinations;

/// <summary>Per-record delivery state, and the response webhook: each API answer becomes a record of the destination's response source.</summary>
internal sealed class DeliveryLog(FlowStudioDb db, DatasetWriter writer, IOptions<EngineOptions> options, TimeProvider time)
{
    private static readonly string InFlightWord = DeliveryStateOutcome.InFlight.ToWord();
    private static readonly string SentWord = DeliveryStateOutcome.Sent.ToWord();
    private static readonly string FailedWord = DeliveryStateOutcome.Failed.ToWord();
    private static readonly string DeadWord = DeliveryStateOutcome.Dead.ToWord();

    /// <summary>Runs that may try a failed record before it is dead-lettered ("Retry failed records" re-queues it).</summary>
    public int MaxAttempts => options.Value.DeliveryMaxAttempts;

    /// <summary>Failed records become due for another try this long after their last one (runs started by Activate).</summary>
    public TimeSpan FailedRetryDelay => options.Value.FailedRetryDelay;

    /// <summary>Marks the records of a request about to be sent (committed before it goes, so a crash re-sends them).</summary>
    public async Task InFlightAsync(string destinationId, string runId, IReadOnlyList<long> recordIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = JsonSerializer.Serialize(recordIds);
        // Set-based upserts keep the run's change tracker empty, so a long delivery stays as fast at the end as at the start.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO DeliveryStates (DestinationId, RecordId, Outcome, Attempts, RunId, UpdatedAt)
            SELECT {destinationId}, value, {InFlightWord}, 0, {runId}, {now} FROM json_each({ids}) WHERE true
            ON CONFLICT (DestinationId, RecordId) DO UPDATE SET Outcome = {InFlightWord}, RunId = excluded.RunId, UpdatedAt = excluded.UpdatedAt
            """, cancellationToken);
    }

    /// <summary>Records a request's answer: each record sent, failed, or dead once it has failed <see cref="MaxAttempts"/> times.</summary>
    public async Task RecordAsync(Destination destination, Run run, DeliveryResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = result.Records.Select(r => r.RecordId).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var group in result.Records.GroupBy(r => (r.Outcome, r.Status, r.Error)))
            {
                var (outcome, status, error) = group.Key;
                var sent = outcome == DeliveryOutcome.Sent;
                var groupIds = JsonSerializer.Serialize(group.Select(r => r.RecordId));
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO DeliveryStates (DestinationId, RecordId, Outcome, Attempts, Status, Error, RunId, UpdatedAt)
                    SELECT {destination.Id}, value, CASE WHEN {sent} THEN {SentWord} WHEN 1 >= {MaxAttempts} THEN {DeadWord} ELSE {FailedWord} END,
                           1, {status}, {error}, {run.Id}, {now}
                    FROM json_each({groupIds}) WHERE true
                    ON CONFLICT (DestinationId, RecordId) DO UPDATE SET
                      Attempts = DeliveryStates.Attempts + 1,
                      Outcome = CASE WHEN {sent} THEN {SentWord} WHEN DeliveryStates.Attempts + 1 >= {MaxAttempts} THEN {DeadWord} ELSE {FailedWord} END,
                      Status = excluded.Status, Error = excluded.Error, RunId = excluded.RunId, UpdatedAt = excluded.UpdatedAt
                    """, cancellationToken);
                if (sent)
                {
                    run.RecordsSent += group.Count();
                }
                else
                {
                    run.RecordsFailed += group.Count();
                }
            }

            run.Requests += result.Response is null ? 0 : 1;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (destination.ResponseSourceId is { } responseSourceId && result.Response is { } response)
        {
            var datasetId = await db.Sources.Where(s => s.Id == responseSourceId).Select(s => s.DatasetId).FirstOrDefaultAsync(cancellationToken);
            if (datasetId is not null)
            {
                var body = ParseOrText(response.Body);
                var record = new JsonObject
                {
                    ["destinationId"] = destination.Id,
                    ["status"] = response.StatusCode,
                    ["body"] = body,
                    ["recordIds"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]),
                    ["receivedAt"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                };
                if (body is JsonObject answer && answer["jobId"] is { } jobId)
                {
                    record["jobId"] = jobId.DeepClone();
                }

                await writer.WriteAsync(datasetId, null, new[] { SourceRecord.FromJson(JsonText.Compact(record)) }.ToAsyncEnumerable(), _ => Task.CompletedTask, cancellationToken);
            }
        }
    }

    private static JsonNode? ParseOrText(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonText.ToNode(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
