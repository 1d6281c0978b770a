using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;
using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Datasets;
using FlowStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Web.Features.Webhooks;

/// <summary>POST /api/webhooks/{sourceId}: other systems push a JSON record or an array of records into a webhook source's dataset.</summary>
internal static class WebhooksApi
{
    private const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>Optional header: a replayed request with the same key adds nothing.</summary>
    private const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The record property holding "key#index" when the sender gave an Idempotency-Key.</summary>
    private const string DeliveryProperty = "_webhookDelivery";

    private static string DeliveryKey(string idempotencyKey, int index) => $"{idempotencyKey}#{index}";

    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        api.MapPost("/webhooks/{sourceId}", ReceiveAsync).WithName("ReceiveWebhook").WithTags("Webhooks")
            .AllowAnonymous(); // callers prove themselves with the source's X-Webhook-Token
        return api;
    }

    private static async Task<IResult> ReceiveAsync(string sourceId, HttpRequest request, FlowStudioDb db, DatasetWriter writer, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId && s.Kind == "webhook", cancellationToken);
        if (source is null)
        {
            return ApiProblems.NotFound("Webhook source", sourceId);
        }

        var token = request.Headers["X-Webhook-Token"].ToString();
        if (!WebhookTokens.Matches(token, source.WebhookToken))
        {
            return TypedResults.Problem(detail: "Send the source's token in the X-Webhook-Token header.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.");
        }

        if (source.Status != "active")
        {
            return TypedResults.Problem(
                detail: $"The webhook source “{source.Name}” is paused: activate it (Activate in its resource menu, or POST /api/sources/{sourceId}/activate) to receive records again.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The source is paused.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return ApiProblems.Invalid("body", "The body is larger than 10 MB; send the records in smaller requests.", StatusCodes.Status413PayloadTooLarge);
        }

        var idempotencyKey = request.Headers[IdempotencyHeader].ToString().Trim();
        if (idempotencyKey.Length > 200)
        {
            return ApiProblems.Invalid(IdempotencyHeader, "Use an Idempotency-Key of at most 200 characters.");
        }

        if (idempotencyKey.Length > 0
            && await db.DatasetRecords.AnyAsync(r => r.DatasetId == source.DatasetId && r.Key == DeliveryKey(idempotencyKey, 0), cancellationToken))
        {
            return TypedResults.Ok(new { received = 0, duplicate = true });
        }

        JToken body;
        try
        {
            using var reader = new StreamReader(request.Body);
            body = JsonText.Parse(await reader.ReadToEndAsync(cancellationToken));
        }
        catch (JsonReaderException ex)
        {
            return ApiProblems.Invalid("body", $"The body is not valid JSON: {ex.Message}");
        }

        var records = body switch
        {
            JObject single => [single],
            JArray array when array.All(t => t is JObject) => array.Cast<JObject>().ToList(),
            _ => null,
        };
        if (records is null)
        {
            return ApiProblems.Invalid("body", "Send a JSON object (one record) or an array of objects.");
        }

        if (idempotencyKey.Length > 0)
        {
            // Each record is keyed by the delivery: a replay with the same key (even a concurrent one) replaces, never adds.
            for (var i = 0; i < records.Count; i++)
            {
                records[i][DeliveryProperty] = DeliveryKey(idempotencyKey, i);
            }
        }

        var written = await writer.WriteAsync(
            source.DatasetId,
            idempotencyKey.Length > 0 ? "$." + DeliveryProperty : null,
            records.Select(r => new SourceRecord(r, null)).ToAsyncEnumerable(),
            _ => Task.CompletedTask,
            cancellationToken);
        return TypedResults.Accepted((string?)null, new { received = written });
    }
}
