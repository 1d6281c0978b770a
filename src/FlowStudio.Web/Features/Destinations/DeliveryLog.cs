using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Sources;
using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Datasets;
using FlowStudio.Web.Features.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>Per-record delivery state, and the response webhook: each API answer becomes a record of the destination's response source.</summary>
internal sealed class DeliveryLog(FlowStudioDb db, DatasetWriter writer, IOptions<EngineOptions> options, TimeProvider time)
{
    /// <summary>Runs that may try a failed record before it is dead-lettered ("Retry failed records" re-queues it).</summary>
    public int MaxAttempts => options.Value.DeliveryMaxAttempts;

    /// <summary>Failed records become due for another try this long after their last one (runs started by Activate).</summary>
    public TimeSpan FailedRetryDelay => options.Value.FailedRetryDelay;

    public async Task InFlightAsync(string destinationId, string runId, IReadOnlyList<long> recordIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.DeliveryStates.Where(s => s.DestinationId == destinationId && recordIds.Contains(s.RecordId)).ToDictionaryAsync(s => s.RecordId, cancellationToken);
        foreach (var id in recordIds)
        {
            if (!existing.TryGetValue(id, out var state))
            {
                state = new DeliveryState { DestinationId = destinationId, RecordId = id, Outcome = "inflight" };
                db.DeliveryStates.Add(state);
            }

            state.Outcome = "inflight";
            state.RunId = runId;
            state.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordAsync(Destination destination, Run run, DeliveryResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = result.Records.Select(r => r.RecordId).ToList();
        var states = await db.DeliveryStates.Where(s => s.DestinationId == destination.Id && ids.Contains(s.RecordId)).ToDictionaryAsync(s => s.RecordId, cancellationToken);
        foreach (var outcome in result.Records)
        {
            if (!states.TryGetValue(outcome.RecordId, out var state))
            {
                state = new DeliveryState { DestinationId = destination.Id, RecordId = outcome.RecordId, Outcome = "failed" };
                db.DeliveryStates.Add(state);
            }

            state.Attempts++;
            state.Status = outcome.Status;
            state.Error = outcome.Error;
            state.RunId = run.Id;
            state.UpdatedAt = now;
            state.Outcome = outcome.Outcome == DeliveryOutcome.Sent ? "sent" : state.Attempts >= MaxAttempts ? "dead" : "failed";
            if (outcome.Outcome == DeliveryOutcome.Sent)
            {
                run.RecordsSent++;
            }
            else
            {
                run.RecordsFailed++;
            }
        }

        run.Requests += result.Response is null ? 0 : 1;
        await db.SaveChangesAsync(cancellationToken);

        if (destination.ResponseSourceId is { } responseSourceId && result.Response is { } response)
        {
            var datasetId = await db.Sources.Where(s => s.Id == responseSourceId).Select(s => s.DatasetId).FirstOrDefaultAsync(cancellationToken);
            if (datasetId is not null)
            {
                var record = new JObject
                {
                    ["destinationId"] = destination.Id,
                    ["status"] = response.StatusCode,
                    ["body"] = ParseOrText(response.Body),
                    ["recordIds"] = new JArray(ids),
                    ["receivedAt"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                };
                if (ParseOrText(response.Body) is JObject body && body["jobId"] is { } jobId)
                {
                    record["jobId"] = jobId;
                }

                await writer.WriteAsync(datasetId, null, new[] { new SourceRecord(record, null) }.ToAsyncEnumerable(), _ => Task.CompletedTask, cancellationToken);
            }
        }
    }

    private static JToken ParseOrText(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? JValue.CreateNull() : JToken.Parse(body);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return new JValue(body);
        }
    }
}
