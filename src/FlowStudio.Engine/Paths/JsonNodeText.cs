using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// Writes a <see cref="JsonNode"/> as text the way the engine writes JSON: numbers exactly as held, strings with only
/// quotes, backslashes, control characters and line separators escaped (System.Text.Json's writer would escape every
/// non-ASCII character).
/// </summary>
internal static class JsonNodeText
{
    public static string Write(JsonNode? node, bool indented)
    {
        var text = new StringBuilder();
        Write(text, node, indented ? 0 : -1);
        return text.ToString();
    }

    public static string Write(IEnumerable<JsonNode?> items, bool indented)
    {
        var text = new StringBuilder();
        var depth = indented ? 0 : -1;
        WriteContainer(text, '[', ']', items, depth, (item, inner) => Write(text, item, inner));
        return text.ToString();
    }

    /// <summary>Writes one value; <paramref name="depth"/> is the indentation level, or -1 for compact text.</summary>
    private static void Write(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                WriteContainer(text, '{', '}', obj, depth, (member, inner) =>
                {
                    WriteString(text, member.Key);
                    text.Append(depth < 0 ? ":" : ": ");
                    Write(text, member.Value, inner);
                });
                break;
            case JsonArray array:
                WriteContainer(text, '[', ']', array, depth, (item, inner) => Write(text, item, inner));
                break;
            default:
                WriteValue(text, node.AsValue());
                break;
        }
    }

    private static void WriteContainer<T>(StringBuilder text, char open, char close, IEnumerable<T> items, int depth, Action<T, int> write)
    {
        text.Append(open);
        var inner = depth < 0 ? -1 : depth + 1;
        var any = false;
        foreach (var item in items)
        {
            text.Append(any ? "," : "");
            NewLine(text, inner);
            write(item, inner);
            any = true;
        }

        if (any)
        {
            NewLine(text, depth);
        }

        text.Append(close);
    }

    private static void NewLine(StringBuilder text, int depth)
    {
        if (depth >= 0)
        {
            text.Append('\n').Append(' ', 2 * depth);
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            case JsonValueKind.Number:
                // A parsed number keeps its text; a number set from code is written by System.Text.Json (ASCII only).
                text.Append(value.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : value.ToJsonString());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case < ' ' or '\u0085' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
