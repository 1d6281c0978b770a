using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using System.Xml.XPath;
using FlowStudio.Engine.Paths.JsonPath;
using FlowStudio.Engine.Sources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// Reads records out of a JSON or XML response with the path to data (JSONPath as RFC 9535 defines it,
/// XPath via System.Xml). A path that selects an array yields its elements; one that selects an object yields one
/// record; values that are not objects become <c>{"value": ...}</c>. The path to metadata is merged into each record
/// under <c>_metadata</c>. A record of strict JSON is its object's text as sent (numbers, escapes and order kept), compacted.
/// </summary>
public static class ResponseExtractor
{
    /// <summary>The property each record gets the metadata in.</summary>
    public const string MetadataProperty = "_metadata";

    private static readonly byte[] MetadataName = Encoding.UTF8.GetBytes(MetadataProperty);
    private static readonly byte[] LookupKeyName = Encoding.UTF8.GetBytes(SourceReader.LookupKeyProperty);

    /// <summary>
    /// Extracts the records of <paramref name="body"/>. Throws <see cref="ResponseFormatException"/> when the body is
    /// neither JSON nor XML and <see cref="DataPathException"/> when a path is invalid or does not fit the body.
    /// </summary>
    internal static ExtractedPage Extract(string body, string? dataPath, string? metadataPath)
    {
        using var document = ResponseDocument.Parse(body);
        var page = Extract(document, dataPath, metadataPath, new RecordReading([], null));
        _ = page.Records;
        return page;
    }

    /// <summary>True when the body looks like XML rather than JSON.</summary>
    public static bool IsXml(string body) => body.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<');

    /// <summary>
    /// The parsed body: a <see cref="JToken"/> for JSON, an <see cref="XmlDocument"/> for XML, null when empty.
    /// Throws <see cref="ResponseFormatException"/> when it is neither.
    /// </summary>
    internal static object? Parse(string body)
    {
        using var document = ResponseDocument.Parse(body);
        return (object?)document.Xml ?? document.Tree;
    }

    /// <summary>
    /// Extracts the records of a parsed body. Each record keeps the text of the reading's fields (key and cursor) and,
    /// for a lookup row, gets its key in <c>_lookupKey</c> after <c>_metadata</c>. The records of a strict JSON body are
    /// made on first use of <see cref="ExtractedPage.Records"/>, which must come before <paramref name="document"/> is disposed.
    /// </summary>
    internal static ExtractedPage Extract(ResponseDocument document, string? dataPath, string? metadataPath, RecordReading reading)
    {
        var lookupKey = reading.LookupKey;
        if (document.Json is { } root)
        {
            return ExtractJson(document, root, dataPath, metadataPath, reading);
        }

        var (records, metadata) = document switch
        {
            { Xml: { } xml } => ExtractXml(xml, dataPath, metadataPath),
            { Tree: { } tree } => ExtractTree(tree, dataPath, metadataPath),
            _ => ([], null),
        };
        return new ExtractedPage([.. records.Select(record => Finish(record, metadata, lookupKey))], metadata?.ToString(Newtonsoft.Json.Formatting.None));
    }

    private static ExtractedPage ExtractJson(ResponseDocument document, JsonElement root, string? dataPath, string? metadataPath, RecordReading reading)
    {
        JToken tree() => document.Tree!;
        var lookupKey = reading.LookupKey;
        var selected = SelectJson(root, tree, dataPath, "dataPath");
        var added = new List<AddedProperty>(2);
        string? metadata = null;
        if (!string.IsNullOrWhiteSpace(metadataPath) && Metadata(SelectJson(root, tree, metadataPath, "metadataPath")) is { } merged)
        {
            added.Add(merged);
            metadata = Encoding.UTF8.GetString(merged.Json);
        }

        if (lookupKey is not null)
        {
            var json = Encoding.UTF8.GetBytes("\"" + JsonEncodedText.Encode(lookupKey, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"");
            added.Add(new AddedProperty(SourceReader.LookupKeyProperty, LookupKeyName, json, SchemaTypes.String, lookupKey, null));
        }

        var items = new List<JsonElement>();
        foreach (var element in selected)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    AddOne(item, items);
                }
            }
            else
            {
                AddOne(element, items);
            }
        }

        return new ExtractedPage(items.Count, () => Build(items, new RecordBuilder(reading, added)), metadata);
    }

    private static void AddOne(JsonElement element, List<JsonElement> items)
    {
        if (element.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            items.Add(element);
        }
    }

    private static SourceRecord[] Build(List<JsonElement> items, RecordBuilder builder)
    {
        var records = new SourceRecord[items.Count];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = items[i].ValueKind == JsonValueKind.Object ? builder.FromObject(items[i]) : builder.FromValue(items[i]);
        }

        return records;
    }

    private static AddedProperty? Metadata(IReadOnlyList<JsonElement> selected)
    {
        switch (selected.Count)
        {
            case 0:
                return null;
            case 1:
                var only = selected[0];
                return new AddedProperty(MetadataProperty, MetadataName, Encoding.UTF8.GetBytes(CompactJson.Text(only)), SchemaTypes.Of(only), RecordBuilder.FieldText(only), only);
            default:
                var all = new ArrayBufferWriter<byte>();
                all.Write("["u8);
                for (var i = 0; i < selected.Count; i++)
                {
                    if (i > 0)
                    {
                        all.Write(","u8);
                    }

                    CompactJson.Write(selected[i], all);
                }

                all.Write("]"u8);
                return new AddedProperty(MetadataProperty, MetadataName, all.WrittenSpan.ToArray(), SchemaTypes.Array, Encoding.UTF8.GetString(all.WrittenSpan), null);
        }
    }

    private static IReadOnlyList<JsonElement> SelectJson(JsonElement root, Func<JToken> tree, string? path, string field) =>
        Query(path, field) is { } query ? query.Select(root, tree) : [root];

    private static IEnumerable<JToken> SelectJson(JToken document, string? path, string field) =>
        Query(path, field) is { } query ? query.Select(document) : [document];

    // The JSONPath, or null for the whole body.
    private static JsonPathQuery? Query(string? path, string field)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Trim() == "$")
        {
            return null;
        }

        if (DataPaths.IsXPath(path))
        {
            throw new DataPathException(field, $"The response is JSON, so \"{path}\" must be a JSONPath (e.g. $.data[*]), not an XPath.");
        }

        try
        {
            return DataPaths.Json(path);
        }
        catch (JsonPathException)
        {
            throw new DataPathException(field, DataPaths.Problem(path)!);
        }
    }

    private static (List<JObject> Records, JToken? Metadata) ExtractTree(JToken document, string? dataPath, string? metadataPath)
    {
        var records = new List<JObject>();
        foreach (var token in SelectJson(document, dataPath, "dataPath"))
        {
            AddRecords(token, records);
        }

        var metadata = string.IsNullOrWhiteSpace(metadataPath) ? null : Combine(SelectJson(document, metadataPath, "metadataPath").ToList());
        return (records, metadata);
    }

    private static void AddRecords(JToken token, List<JObject> records)
    {
        switch (token)
        {
            case JArray array:
                foreach (var element in array)
                {
                    AddOne(element, records);
                }

                break;
            default:
                AddOne(token, records);
                break;
        }
    }

    private static void AddOne(JToken token, List<JObject> records)
    {
        if (token is JObject obj)
        {
            // The parsed response is the page's alone and dropped after it: its objects become the records as they are.
            records.Add(obj);
        }
        else if (token.Type != JTokenType.Null && token.Type != JTokenType.Undefined)
        {
            records.Add(new JObject { ["value"] = token.DeepClone() });
        }
    }

    private static (List<JObject> Records, JToken? Metadata) ExtractXml(XmlDocument document, string? dataPath, string? metadataPath)
    {
        var records = SelectXml(document, dataPath, "dataPath").Select(XmlJson.ToRecord).ToList();
        JToken? metadata = null;
        if (!string.IsNullOrWhiteSpace(metadataPath))
        {
            metadata = Combine([.. SelectXml(document, metadataPath, "metadataPath").Select(n => (JToken)XmlJson.ToRecord(n))]);
        }

        return (records, metadata);
    }

    private static IEnumerable<XmlNode> SelectXml(XmlDocument document, string? path, string field)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return document.DocumentElement is { } root ? [root] : [];
        }

        if (!DataPaths.IsXPath(path))
        {
            throw new DataPathException(field, $"The response is XML, so \"{path}\" must be an XPath (e.g. /response/data/item), not a JSONPath.");
        }

        try
        {
            return document.SelectNodes(path.Trim())?.OfType<XmlNode>().ToList() ?? [];
        }
        catch (XPathException ex)
        {
            throw new DataPathException(field, $"\"{path}\" is not a valid XPath: {ex.Message}");
        }
    }

    private static JToken? Combine(IReadOnlyList<JToken> selected) => selected.Count switch
    {
        0 => null,
        1 => selected[0].DeepClone(),
        _ => new JArray(selected.Select(t => t.DeepClone())),
    };

    private static SourceRecord Finish(JObject record, JToken? metadata, string? lookupKey)
    {
        if (metadata is not null)
        {
            record[MetadataProperty] = metadata.DeepClone();
        }

        if (lookupKey is not null)
        {
            record[SourceReader.LookupKeyProperty] = lookupKey;
        }

        var finished = new SourceRecord(record, lookupKey);
        _ = finished.Json;
        return finished;
    }
}
