using System.Text.Json;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Per-item results of a bulk answer that succeeded as a whole (ClientSuccess batch upserts:
/// <c>{"results": [{"index", "status": "failed", "errors": [{"field", "message"}]}]}</c>): the items marked failed, by
/// their index in the request, which is the payload's record order.
/// </summary>
internal static class ItemResults
{
    private const int MaxLength = 500;

    public static IReadOnlyList<ItemFailure> Failures(OutboundPayload payload, string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body[0] != '{' || !body.Contains("\"results\"", StringComparison.Ordinal))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var failures = new List<ItemFailure>();
            foreach (var item in results.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                    && string.Equals(status.GetString(), "failed", StringComparison.OrdinalIgnoreCase)
                    && item.TryGetProperty("index", out var index) && index.TryGetInt32(out var at) && at >= 0 && at < payload.RecordIds.Count)
                {
                    var reason = item.TryGetProperty("errors", out var errors) ? Messages(errors) : null;
                    failures.Add(new ItemFailure(payload.RecordIds[at], reason ?? "The API reported this item failed."));
                }
            }

            return failures;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The messages of an error value: a string, an object's message / errorSummary / field, or an array of those, joined.</summary>
    public static string? Messages(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Messages).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().Take(10)),
            JsonValueKind.Object => Message(value),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Length <= MaxLength ? text : text[..MaxLength] + "...";
    }

    private static string? Message(JsonElement item)
    {
        var message = item.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()
            : item.TryGetProperty("errorSummary", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()
            : null;
        return item.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String && message is not null ? $"{f.GetString()}: {message}" : message;
    }
}
