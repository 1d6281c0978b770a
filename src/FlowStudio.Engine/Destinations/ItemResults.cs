using System.Text.Json;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Per-item results of a bulk answer that succeeded as a whole (ClientSuccess batch upserts:
/// <c>{"results": [{"index", "status": "failed", "errors": [{"field", "message"}]}]}</c>): the items marked failed, each
/// found by what the API says about it (its index in the request, or an identifying field it echoes) and by its place in
/// the results only when the API answered one result per item. The request's items are the payload's records in order.
/// </summary>
internal static class ItemResults
{
    private const int MaxLength = 500;

    // Fields an API echoes in an item's result that name the item it was sent as.
    private static readonly string[] IdentifyingFields = ["email", "externalId", "uuid", "id"];

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
            var unplaced = new List<string>();
            var position = 0;
            var count = results.GetArrayLength();
            using var sent = SentItems(payload);
            foreach (var item in results.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                    && string.Equals(status.GetString(), "failed", StringComparison.OrdinalIgnoreCase))
                {
                    var reason = (item.TryGetProperty("errors", out var errors) ? Messages(errors) : null) ?? "The API reported this item failed.";
                    if (ItemOf(item, payload, sent, position, count) is { } at)
                    {
                        failures.Add(new ItemFailure(payload.RecordIds[at], reason));
                    }
                    else
                    {
                        unplaced.Add(reason);
                    }
                }

                position++;
            }

            // A failure the API did not tie to an item fails every record of the request: none is known to have gone through.
            if (unplaced.Count > 0)
            {
                var reason = Messages(JsonSerializer.SerializeToElement(unplaced)) + " (the API did not say which item failed)";
                var failed = failures.Select(f => f.RecordId).ToHashSet();
                failures.AddRange(payload.RecordIds.Where(id => !failed.Contains(id)).Select(id => new ItemFailure(id, reason)));
            }

            return failures;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Which sent item a result is about: the position the API gives (<c>index</c>), else the one sent item with the value
    /// the result echoes in an identifying field (email, externalId, uuid, id), else, only when the API answered one result
    /// per item (ClientSuccess documents results in request order), the result's own position; null when none says.
    /// </summary>
    private static int? ItemOf(JsonElement result, OutboundPayload payload, JsonDocument? sent, int position, int count)
    {
        if (result.TryGetProperty("index", out var index))
        {
            return index.TryGetInt32(out var at) && at >= 0 && at < payload.RecordIds.Count ? at : null;
        }

        if (sent is not null)
        {
            foreach (var field in IdentifyingFields)
            {
                if (result.TryGetProperty(field, out var echoed) && echoed.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    && Single(sent.RootElement, field, echoed) is { } match)
                {
                    return match;
                }
            }
        }

        return count == payload.RecordIds.Count ? position : null;
    }

    // The position of the one sent item whose field has the echoed value, or null when none or several have it.
    private static int? Single(JsonElement items, string field, JsonElement echoed)
    {
        int? found = null;
        var at = 0;
        foreach (var item in Items(items))
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var value) && value.ValueKind == echoed.ValueKind
                && value.GetRawText() == echoed.GetRawText())
            {
                if (found is not null)
                {
                    return null;
                }

                found = at;
            }

            at++;
        }

        return found;
    }

    /// <summary>The request's items (one per record): the body's array, or the one array property of its object; null when it has none.</summary>
    private static JsonDocument? SentItems(OutboundPayload payload)
    {
        try
        {
            var document = JsonDocument.Parse(payload.Body);
            if (Items(document.RootElement).Count() == payload.RecordIds.Count)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => root.EnumerateArray(),
        JsonValueKind.Object when root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToList() is [var only] => only.Value.EnumerateArray(),
        _ => [],
    };

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
