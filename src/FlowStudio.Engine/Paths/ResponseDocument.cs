using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using FlowStudio.Engine.Paths.JsonPath;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using JsonException = System.Text.Json.JsonException;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// One response body, parsed once: strict JSON as a System.Text.Json document over the body's UTF-8 bytes (records are
/// sliced from them as sent), lenient JSON (comments, single quotes, trailing commas) as a Newtonsoft tree, XML as an
/// <see cref="XmlDocument"/>. Dispose it when the page is read: the document's buffers are pooled.
/// </summary>
internal sealed class ResponseDocument : IDisposable
{
    private static readonly JsonDocumentOptions StrictOptions = new() { MaxDepth = JsonText.MaxDepth };

    private readonly string _body;
    private readonly byte[]? _bytes;
    private JsonDocument? _json;
    private JToken? _tree;

    private ResponseDocument(string body, byte[]? bytes, JsonDocument? json, JToken? tree, XmlDocument? xml)
    {
        _body = body;
        _bytes = bytes;
        _json = json;
        _tree = tree;
        Xml = xml;
    }

    /// <summary>The root of strict JSON, or null when the body is not strict JSON.</summary>
    public JsonElement? Json => _json?.RootElement;

    /// <summary>The body as a Newtonsoft tree: lenient JSON as read; strict JSON parsed again on first use (filters); null for XML or empty.</summary>
    public JToken? Tree => _tree ??= _json is null ? null : JsonText.Parse(_body);

    /// <summary>The body as XML, or null.</summary>
    public XmlDocument? Xml { get; }

    /// <summary>Parses <paramref name="body"/>; throws <see cref="ResponseFormatException"/> when it is neither JSON nor XML.</summary>
    public static ResponseDocument Parse(string body)
    {
        var trimmed = body.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.Length == 0)
        {
            return new ResponseDocument(trimmed, null, null, null, null);
        }

        if (trimmed.StartsWith('<'))
        {
            try
            {
                return new ResponseDocument(trimmed, null, null, null, XmlJson.Load(trimmed));
            }
            catch (XmlException ex)
            {
                throw new ResponseFormatException($"The response is not valid XML: {ex.Message}", ex);
            }
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(trimmed.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(trimmed, bytes);
            return new ResponseDocument(trimmed, bytes, JsonDocument.Parse(bytes.AsMemory(0, length), StrictOptions), null, null);
        }
        catch (JsonException)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        try
        {
            return new ResponseDocument(trimmed, null, null, JsonText.Parse(trimmed), null);
        }
        catch (JsonReaderException ex)
        {
            throw new ResponseFormatException($"The response is neither valid JSON nor XML: {ex.Message}", ex);
        }
    }

    /// <summary>True when the first value <paramref name="path"/> selects is the JSON <c>true</c>.</summary>
    public bool IsTrue(string? path) => Json is { } root
        ? First(root, path) is { ValueKind: JsonValueKind.True }
        : First(_tree, path) is { Type: JTokenType.Boolean } value && value.Value<bool>();

    /// <summary>
    /// The first value <paramref name="path"/> (a JSONPath) selects as text: a string as it is, a number as written, an
    /// object or array as compact JSON; null when nothing is selected, the value is null, the path is invalid or the body is not JSON.
    /// </summary>
    public string? Text(string? path)
    {
        if (Json is { } root)
        {
            return First(root, path) switch
            {
                null or { ValueKind: JsonValueKind.Null } => null,
                { ValueKind: JsonValueKind.String } text => text.GetString(),
                { ValueKind: JsonValueKind.True } => bool.TrueString,
                { ValueKind: JsonValueKind.False } => bool.FalseString,
                { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
                { } other => CompactJson.Text(other),
            };
        }

        return First(_tree, path) switch
        {
            null => null,
            JValue { Value: null } => null,
            JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
            var other => other.ToString(Newtonsoft.Json.Formatting.None),
        };
    }

    public void Dispose()
    {
        if (_json is null)
        {
            return;
        }

        _json.Dispose();
        _json = null;
        ArrayPool<byte>.Shared.Return(_bytes!);
    }

    private JsonElement? First(JsonElement root, string? path) =>
        JsonPathQuery.TryParse(path?.Trim(), out var query) && query.Select(root, () => Tree!) is [var first, ..] ? first : null;

    private static JToken? First(JToken? tree, string? path) =>
        tree is not null && JsonPathQuery.TryParse(path?.Trim(), out var query) ? query.Select(tree).FirstOrDefault() : null;
}
