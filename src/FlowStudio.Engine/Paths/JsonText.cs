using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using JsonException = System.Text.Json.JsonException;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// JSON exactly as sent: date-like strings stay strings and numbers keep their text (<c>1.10</c> stays <c>1.10</c>, big
/// integers keep every digit), when parsed by the engine and when read as <see cref="JsonNode"/>s.
/// </summary>
public static class JsonText
{
    /// <summary>The deepest nesting a record may have (as the engine reads responses).</summary>
    public const int MaxDepth = 128;

    // A record nests its _metadata one level deeper than the response it came from.
    private static readonly JsonDocumentOptions NodeOptions = new() { MaxDepth = 2 * MaxDepth };

    /// <summary>
    /// Parses <paramref name="json"/> for the engine; throws <see cref="JsonReaderException"/> when it is not valid JSON.
    /// Strict JSON is read with System.Text.Json so that each number keeps its text; anything else (comments, single
    /// quotes, trailing commas, errors) goes to Newtonsoft's lenient reader as before.
    /// </summary>
    internal static JToken Parse(string json) => ParseStrict(json) ?? ParseLenient(json);

    /// <summary>Reads a record's JSON object text as a node; throws <see cref="JsonException"/> when it is not one.</summary>
    public static JsonObject ToObject(string json) =>
        JsonNode.Parse(json, documentOptions: NodeOptions) as JsonObject ?? throw new JsonException("The JSON is not an object.");

    /// <summary>Reads JSON text as a node (null for the JSON <c>null</c>); throws <see cref="JsonException"/> when it is not valid JSON.</summary>
    public static JsonNode? ToNode(string json) => JsonNode.Parse(json, documentOptions: NodeOptions);

    /// <summary>
    /// Checks JSON a user typed (an edited payload, Other Props); throws <see cref="InvalidJsonException"/>, with the
    /// line and position of the problem, when it is not valid JSON.
    /// </summary>
    public static void Check(string json)
    {
        try
        {
            _ = JToken.Parse(json);
        }
        catch (JsonReaderException ex)
        {
            throw new InvalidJsonException(ex.Message, ex.LineNumber, ex.LinePosition, ex);
        }
    }

    /// <summary>The JSON value of <paramref name="node"/> indented for reading (two spaces), values exactly as held.</summary>
    public static string Indented(JsonNode? node) => JsonNodeText.Write(node, indented: true);

    /// <summary>
    /// A JSON array of <paramref name="items"/> indented for reading, values exactly as held (the nodes stay where they
    /// are: a node in one array cannot join another).
    /// </summary>
    public static string Indented(IEnumerable<JsonNode?> items) => JsonNodeText.Write(items, indented: true);

    /// <summary>The JSON value of <paramref name="node"/> on one line, values exactly as held.</summary>
    public static string Compact(JsonNode? node) => JsonNodeText.Write(node, indented: false);

    private static JToken ParseLenient(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = MaxDepth,
        };
        var token = JToken.ReadFrom(reader);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException($"Unexpected content after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}.");
            }
        }

        return token;
    }

    /// <summary>The tree of strict JSON, or null when the text is not strict JSON (the lenient reader decides then).</summary>
    private static JToken? ParseStrict(string json)
    {
        var length = Encoding.UTF8.GetByteCount(json);
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Encoding.UTF8.GetBytes(json, bytes);
            var reader = new Utf8JsonReader(bytes.AsSpan(0, length), new JsonReaderOptions { MaxDepth = MaxDepth });
            var token = reader.Read() ? ReadValue(ref reader) : null;
            return reader.Read() ? null : token;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static JToken ReadValue(ref Utf8JsonReader reader)
    {
        JToken root = Scalar(ref reader) ?? (JToken)Container(reader.TokenType);
        if (root is not JContainer container)
        {
            return root;
        }

        var open = new Stack<JContainer>();
        open.Push(container);
        string? name = null;
        while (open.Count > 0 && reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    name = reader.GetString();
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    continue;
            }

            JToken value = Scalar(ref reader) ?? (JToken)Container(reader.TokenType);
            if (open.Peek() is JObject obj)
            {
                // A repeated name replaces the earlier value in its place, as Newtonsoft reads it.
                obj[name!] = value;
            }
            else
            {
                open.Peek().Add(value);
            }

            if (value is JContainer nested)
            {
                open.Push(nested);
            }
        }

        return open.Count == 0 ? root : throw new JsonException("The JSON ends too early.");
    }

    private static JContainer Container(JsonTokenType type) => type == JsonTokenType.StartObject ? new JObject() : new JArray();

    private static JValue? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => new JValue(reader.GetString()),
        JsonTokenType.Number => Number(ref reader),
        JsonTokenType.True => new JValue(true),
        JsonTokenType.False => new JValue(false),
        JsonTokenType.Null => JValue.CreateNull(),
        _ => null,
    };

    /// <summary>
    /// Integers as long or BigInteger (as Newtonsoft reads them). Fractions as decimal when the decimal writes back
    /// the very same text (<c>1.10</c>, <c>0.000001</c>), else as double (exponents, more digits than a decimal holds).
    /// </summary>
    private static JValue Number(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            return reader.TryGetInt64(out var whole)
                ? new JValue(whole)
                : new JValue(BigInteger.Parse(Encoding.ASCII.GetString(raw), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (raw.IndexOfAny((byte)'e', (byte)'E') < 0 && reader.TryGetDecimal(out var exact))
        {
            Span<byte> written = stackalloc byte[64];
            if (exact.TryFormat(written, out var count, default, CultureInfo.InvariantCulture) && written[..count].SequenceEqual(raw))
            {
                return new JValue(exact);
            }
        }

        // Out of range (1e400): the lenient reader decides, as before.
        return reader.TryGetDouble(out var number) ? new JValue(number) : throw new JsonException("The number is out of range.");
    }
}
