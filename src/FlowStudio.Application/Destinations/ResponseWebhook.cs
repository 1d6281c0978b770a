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

            if (Depth(body) > MaxBodyDepth)
            {
                // Deeper than a record may be (records are read up to 128 levels): kept as its text, the records were sent all the same.
                record["body"] = JsonValue.Create(result.Response.Body);
                record.Remove("jobId");
            }

            return SourceRecord.FromJson(JsonText.Compact(record));
        }).ToList();
        await writer.WriteAsync(datasetId, null, records.ToAsyncEnumerable(), _ => Task.CompletedTask, cancellationToken);
    }

    private const int MaxBodyDepth = 100;

    private static int Depth(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonArray a => 1 + a.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

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
