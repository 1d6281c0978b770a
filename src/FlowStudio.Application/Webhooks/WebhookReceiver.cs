using System.Text;
using System.Text.Json;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Webhooks;

/// <summary>What became of a push to a webhook source.</summary>
internal abstract record WebhookOutcome
{
    public sealed record NotFound : WebhookOutcome;

    public sealed record WrongToken : WebhookOutcome;

    public sealed record Paused(string SourceName) : WebhookOutcome;

    public sealed record Invalid(string Field, string Message, int StatusCode = StatusCodes.Status400BadRequest) : WebhookOutcome;

    /// <summary>A replay of a delivery already received (same Idempotency-Key): nothing added.</summary>
    public sealed record Duplicate : WebhookOutcome;

    public sealed record Received(long Count) : WebhookOutcome;
}

/// <summary>Other systems push a JSON record or an array of records into a webhook source's dataset.</summary>
internal sealed class WebhookReceiver(FlowStudioDb db, DatasetWriter writer)
{
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>Optional header: a replayed request with the same key adds nothing.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The record property holding "key#index" when the sender gave an Idempotency-Key.</summary>
    private const string DeliveryProperty = "_webhookDelivery";

    private static string DeliveryKey(string idempotencyKey, int index) => $"{idempotencyKey}#{index}";

    /// <summary>Checks the source, its token and state, then writes the body's records to the source's dataset.</summary>
    public async Task<WebhookOutcome> ReceiveAsync(
        string sourceId, string token, string idempotencyKey, long? contentLength, Stream body, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId && s.Kind == SourceKind.Webhook, cancellationToken);
        if (source is null)
        {
            return new WebhookOutcome.NotFound();
        }

        if (!WebhookTokens.Matches(token, source.WebhookToken))
        {
            return new WebhookOutcome.WrongToken();
        }

        if (source.Status != ResourceStatus.Active)
        {
            return new WebhookOutcome.Paused(source.Name);
        }

        if (contentLength > MaxBodyBytes)
        {
            return new WebhookOutcome.Invalid("body", "The body is larger than 10 MB; send the records in smaller requests.", StatusCodes.Status413PayloadTooLarge);
        }

        idempotencyKey = idempotencyKey.Trim();
        if (idempotencyKey.Length > 200)
        {
            return new WebhookOutcome.Invalid(IdempotencyHeader, "Use an Idempotency-Key of at most 200 characters.");
        }

        if (idempotencyKey.Length > 0
            && await db.DatasetRecords.AnyAsync(r => r.DatasetId == source.DatasetId && r.Key == DeliveryKey(idempotencyKey, 0), cancellationToken))
        {
            return new WebhookOutcome.Duplicate();
        }

        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return new WebhookOutcome.Invalid("body", "The body is not UTF-8 text: send JSON encoded as UTF-8.");
        }

        if (OutOfRangeNumber(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } number)
        {
            return new WebhookOutcome.Invalid("body", $"The number {number} is out of range: JSON numbers must fit a 64-bit floating point value.");
        }

        IReadOnlyList<SourceRecord>? records;
        try
        {
            records = SourceRecord.Parse(text);
        }
        catch (InvalidJsonException ex)
        {
            return new WebhookOutcome.Invalid("body", $"The body is not valid JSON: {ex.Message}");
        }

        if (records is null)
        {
            return new WebhookOutcome.Invalid("body", "Send a JSON object (one record) or an array of objects.");
        }

        if (idempotencyKey.Length > 0)
        {
            // Each record is keyed by the delivery: a replay with the same key (even a concurrent one) replaces, never adds.
            records = [.. records.Select((record, i) => record.With(DeliveryProperty, DeliveryKey(idempotencyKey, i)))];
        }

        var written = await writer.WriteAsync(
            source.DatasetId,
            idempotencyKey.Length > 0 ? "$." + DeliveryProperty : null,
            records.ToAsyncEnumerable(),
            _ => Task.CompletedTask,
            cancellationToken);
        return new WebhookOutcome.Received(written);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A number such as 1e999 would be stored as Infinity, which is not JSON: the first one, or null. Malformed JSON is left
    // to the parser, which says where.
    private static string? OutOfRangeNumber(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = false, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Number && (!reader.TryGetDouble(out var value) || !double.IsFinite(value)))
                {
                    return Encoding.UTF8.GetString(reader.ValueSpan.Length > 40 ? reader.ValueSpan[..40] : reader.ValueSpan);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}
