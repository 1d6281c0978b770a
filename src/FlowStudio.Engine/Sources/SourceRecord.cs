using System.Text;
using FlowStudio.Engine.Paths;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Sources;

/// <summary>
/// One record read by a source (or pushed to a webhook source): its compact JSON text, as a dataset stores it. A record
/// read from a JSON page carries its schema and its key and cursor fields, read while the page was parsed; any other
/// field, and a record made from text, is parsed once, on first use. Not thread-safe.
/// </summary>
public sealed class SourceRecord
{
    private readonly KeyValuePair<string, string?>[] _fields = [];
    private JObject? _data;
    private string? _json;
    private byte[]? _utf8;

    internal SourceRecord(JObject data, string? lookupKey)
    {
        _data = data;
        LookupKey = lookupKey;
    }

    internal SourceRecord(byte[] utf8, string? lookupKey, RecordSchema schema, KeyValuePair<string, string?>[] fields)
    {
        _utf8 = utf8;
        LookupKey = lookupKey;
        Schema = schema;
        _fields = fields;
    }

    private SourceRecord(string json)
    {
        _json = json;
    }

    /// <summary>
    /// The record as compact JSON, with <c>_metadata</c> when a metadata path matched and <c>_lookupKey</c> for lookup
    /// runs. Numbers keep their text and date-like strings stay strings.
    /// </summary>
    public string Json => _json ??= _utf8 is null ? _data!.ToString(Formatting.None) : Encoding.UTF8.GetString(_utf8);

    /// <summary><see cref="Json"/> as UTF-8 (a record read from a JSON page has only this until its text is asked for).</summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8 ??= Encoding.UTF8.GetBytes(Json);

    /// <summary>For a URL with a lookup macro: the key of the lookup row the record came from.</summary>
    public string? LookupKey { get; }

    /// <summary>The record's top-level fields and their types, when it was read from a JSON page.</summary>
    internal RecordSchema? Schema { get; }

    /// <summary>The record's fields, parsed from its JSON text on first use.</summary>
    internal JObject Data => _data ??= JsonText.Parse(Json) as JObject
        ?? throw new InvalidOperationException("The record is not a JSON object.");

    /// <summary>A record from the JSON object text a dataset stores.</summary>
    public static SourceRecord FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return new SourceRecord(json);
    }

    /// <summary>
    /// The records of JSON pushed to a webhook: one object is one record, an array of objects one record each; null
    /// when the JSON holds anything else. Throws <see cref="InvalidJsonException"/> when it is not valid JSON.
    /// </summary>
    public static IReadOnlyList<SourceRecord>? Parse(string json)
    {
        JToken parsed;
        try
        {
            parsed = JsonText.Parse(json);
        }
        catch (JsonReaderException ex)
        {
            throw new InvalidJsonException(ex.Message, ex.LineNumber, ex.LinePosition, ex);
        }

        return parsed switch
        {
            JObject single => [new SourceRecord(single, null)],
            JArray array when array.All(t => t is JObject) => [.. array.Cast<JObject>().Select(r => new SourceRecord(r, null))],
            _ => null,
        };
    }

    /// <summary>This record with the top-level property <paramref name="name"/> set to the text <paramref name="value"/>.</summary>
    public SourceRecord With(string name, string value)
    {
        var data = (JObject)Data.DeepClone();
        data[name] = value;
        return new SourceRecord(data, LookupKey);
    }

    /// <summary>
    /// The value of <paramref name="field"/> (a property name, where dots step into nested objects, or a JSONPath
    /// starting with <c>$</c>) as text: a string as it is, any other value as compact JSON; null when the record lacks it or it is null.
    /// </summary>
    public string? FieldText(string field)
    {
        foreach (var (name, text) in _fields)
        {
            if (name == field)
            {
                return text;
            }
        }

        return RecordFields.Read(Data, field) is { Type: not JTokenType.Null and not JTokenType.Undefined } token
            ? token.Type == JTokenType.String ? token.Value<string>() : token.ToString(Formatting.None)
            : null;
    }
}

/// <summary>One HTTP request a source made (shown in the test panel and run details). Holds no secrets.</summary>
public sealed record RequestLogEntry(string Method, string Url, int Status, long DurationMs);
