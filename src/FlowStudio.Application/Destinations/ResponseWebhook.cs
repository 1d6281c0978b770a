using System.Text.Json;
using System.Text.Json.Nodes;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>The response webhook: each API answer of a delivery becomes a record of the destination's response source.</summary>
internal sealed class ResponseWebhook(FlowStudioDb db, DatasetWriter writer, TimeProvider time)
{
    public async Task WriteAsync(string destinationId, string responseSourceId, IReadOnlyList<DeliveryResult> results, CancellationToken cancellationToken)
    {
        var datasetId = await db.Sources.Where(s => s.Id == responseSourceId).Select(s => s.DatasetId).FirstOrDefaultAsync(cancellationToken);
        var answered = results.Where(r => r.Response is not null).ToList();
        if (datasetId is null || answered.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var records = answered.Select(result =>
        {
            var body = ParseOrText(result.Response!.Body);
            var record = new JsonObject
            {
                ["destinationId"] = destinationId,
                ["status"] = result.Response.StatusCode,
                ["body"] = body,
                ["recordIds"] = new JsonArray([.. result.Payload.RecordIds.Select(id => (JsonNode)id)]),
                ["receivedAt"] = now,
            };
            if (body is JsonObject answer && answer["jobId"] is { } jobId)
            {
                record["jobId"] = jobId.DeepClone();
            }

            return SourceRecord.FromJson(JsonText.Compact(record));
        }).ToList();
        await writer.WriteAsync(datasetId, null, records.ToAsyncEnumerable(), _ => Task.CompletedTask, cancellationToken);
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
