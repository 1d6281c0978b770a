using FlowStudio.Engine.Paths;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// One dataset record to deliver: the host's record id (used to track its outcome) and its fields. A record read
/// from a dataset keeps its stored JSON text: when a destination sends records as they are (no mapping, checks or
/// excluded attributes), that text goes into the request body unchanged and the record is never parsed.
/// Not thread-safe: a record is built into payloads by one thread at a time.
/// </summary>
public sealed class DeliveryRecord
{
    private JObject? _data;
    private string? _json;

    /// <summary>A record from its fields.</summary>
    internal DeliveryRecord(long id, JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Id = id;
        _data = data;
    }

    private DeliveryRecord(long id, string json)
    {
        Id = id;
        _json = json;
    }

    /// <summary>The host's record id.</summary>
    public long Id { get; }

    /// <summary>The record's fields, parsed from its JSON text on first use (date-like strings stay strings).</summary>
    internal JObject Data => _data ??= JsonText.Parse(_json!) as JObject
        ?? throw new InvalidOperationException($"Record {Id} is not a JSON object.");

    /// <summary>The record as compact JSON: the stored text, or its fields written out.</summary>
    public string Json => _json ??= RecordFields.Compact(_data!);

    /// <summary>A record from the compact JSON object text a dataset stores.</summary>
    public static DeliveryRecord FromJson(long id, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return new DeliveryRecord(id, json);
    }
}
