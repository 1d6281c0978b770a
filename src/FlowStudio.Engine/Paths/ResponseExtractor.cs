using System.Xml;
using System.Xml.XPath;
using FlowStudio.Engine.Paths.JsonPath;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths;

/// <summary>The records and metadata read from one response.</summary>
/// <param name="Records">One JSON object per record, each with <c>_metadata</c> when a metadata path matched.</param>
/// <param name="Metadata">What the metadata path selected (one value, or an array when it selected several), or null.</param>
internal sealed record ExtractedPage(IReadOnlyList<JObject> Records, JToken? Metadata);

/// <summary>
/// Reads records out of a JSON or XML response with the path to data (JSONPath as RFC 9535 defines it,
/// XPath via System.Xml). A path that selects an array yields its elements; one that selects an object yields one
/// record; values that are not objects become <c>{"value": ...}</c>. The path to metadata is merged into each record
/// under <c>_metadata</c>.
/// </summary>
public static class ResponseExtractor
{
    /// <summary>The property each record gets the metadata in.</summary>
    public const string MetadataProperty = "_metadata";

    /// <summary>
    /// Extracts the records of <paramref name="body"/>. Throws <see cref="ResponseFormatException"/> when the body is
    /// neither JSON nor XML and <see cref="DataPathException"/> when a path is invalid or does not fit the body.
    /// </summary>
    internal static ExtractedPage Extract(string body, string? dataPath, string? metadataPath) =>
        Extract(Parse(body), dataPath, metadataPath);

    /// <summary>True when the body looks like XML rather than JSON.</summary>
    public static bool IsXml(string body) => body.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<');

    /// <summary>
    /// The parsed body: a <see cref="JToken"/> for JSON, an <see cref="XmlDocument"/> for XML, null when empty.
    /// Throws <see cref="ResponseFormatException"/> when it is neither.
    /// </summary>
    internal static object? Parse(string body)
    {
        var trimmed = body.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.Length == 0)
        {
            return null;
        }

        try
        {
            return trimmed.StartsWith('<') ? XmlJson.Load(trimmed) : JsonText.Parse(trimmed);
        }
        catch (XmlException ex)
        {
            throw new ResponseFormatException($"The response is not valid XML: {ex.Message}", ex);
        }
        catch (JsonReaderException ex)
        {
            throw new ResponseFormatException($"The response is neither valid JSON nor XML: {ex.Message}", ex);
        }
    }

    /// <summary>Extracts records from a body already read by <see cref="Parse"/>.</summary>
    internal static ExtractedPage Extract(object? document, string? dataPath, string? metadataPath) => document switch
    {
        JToken json => ExtractJson(json, dataPath, metadataPath),
        XmlDocument xml => ExtractXml(xml, dataPath, metadataPath),
        _ => new ExtractedPage([], null),
    };

    private static ExtractedPage ExtractJson(JToken document, string? dataPath, string? metadataPath)
    {
        var records = new List<JObject>();
        foreach (var token in SelectJson(document, dataPath, "dataPath"))
        {
            AddRecords(token, records);
        }

        var metadata = string.IsNullOrWhiteSpace(metadataPath) ? null : Combine(SelectJson(document, metadataPath, "metadataPath").ToList());
        return Finish(records, metadata);
    }

    private static IEnumerable<JToken> SelectJson(JToken document, string? path, string field)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Trim() == "$")
        {
            return [document];
        }

        if (DataPaths.IsXPath(path))
        {
            throw new DataPathException(field, $"The response is JSON, so \"{path}\" must be a JSONPath (e.g. $.data[*]), not an XPath.");
        }

        try
        {
            return DataPaths.Json(path).Select(document);
        }
        catch (JsonPathException)
        {
            throw new DataPathException(field, DataPaths.Problem(path)!);
        }
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

    private static ExtractedPage ExtractXml(XmlDocument document, string? dataPath, string? metadataPath)
    {
        var records = SelectXml(document, dataPath, "dataPath").Select(XmlJson.ToRecord).ToList();
        JToken? metadata = null;
        if (!string.IsNullOrWhiteSpace(metadataPath))
        {
            metadata = Combine([.. SelectXml(document, metadataPath, "metadataPath").Select(n => (JToken)XmlJson.ToRecord(n))]);
        }

        return Finish(records, metadata);
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

    private static ExtractedPage Finish(List<JObject> records, JToken? metadata)
    {
        if (metadata is not null)
        {
            foreach (var record in records)
            {
                record[MetadataProperty] = metadata.DeepClone();
            }
        }

        return new ExtractedPage(records, metadata);
    }
}
