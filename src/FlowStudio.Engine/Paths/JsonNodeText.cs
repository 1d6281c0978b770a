using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// Writes <see cref="JsonNode"/>s as text the way the engine writes JSON (Newtonsoft's writer: only quotes, backslashes,
/// control characters and line separators escaped, where System.Text.Json's would escape every non-ASCII character),
/// with each number exactly as held.
/// </summary>
internal static class JsonNodeText
{
    public static string Write(JsonNode? node, bool indented) => Write(writer => WriteNode(writer, node), indented);

    public static string Write(IEnumerable<JsonNode?> items, bool indented) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            WriteNode(writer, item);
        }

        writer.WriteEndArray();
    }, indented);

    private static string Write(Action<JsonWriter> write, bool indented)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = indented ? Formatting.Indented : Formatting.None })
        {
            write(writer);
        }

        return text.ToString();
    }

    private static void WriteNode(JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNull();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    writer.WritePropertyName(name);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteValue(writer, node.AsValue());
                break;
        }
    }

    private static void WriteValue(JsonWriter writer, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                writer.WriteValue(value.GetValue<string>());
                break;
            case JsonValueKind.Number:
                // A parsed number keeps its text; a number set from code is written by System.Text.Json.
                writer.WriteRawValue(value.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : value.ToJsonString());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteValue(value.GetValueKind() == JsonValueKind.True);
                break;
            default:
                writer.WriteNull();
                break;
        }
    }
}
