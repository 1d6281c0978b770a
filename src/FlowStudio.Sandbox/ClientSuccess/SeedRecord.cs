using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// A seeded record built field by field in its shape's order and stored straight as bytes: the JSON a
/// <see cref="JsonObject"/> from <see cref="ResourceShape.NewRecord"/> with the same values writes, without building one
/// (and a node per value) per record. Strings, numbers and booleans are written as their JsonValue would write them.
/// Reused record after record.
/// </summary>
internal sealed class SeedRecord
{
    private readonly JsonEncodedText[] _names;
    private readonly JsonNode?[] _defaults;
    private readonly Dictionary<string, int> _positions;
    private readonly Value[] _values;

    public SeedRecord(ResourceShape shape)
    {
        var defaults = shape.Defaults;
        _names = [.. defaults.Select(field => JsonEncodedText.Encode(field.Key, RecordJson.WriteOptions.Encoder))];
        _defaults = [.. defaults.Select(field => field.Value)];
        _positions = defaults.Select((field, position) => (field.Key, position)).ToDictionary(pair => pair.Key, pair => pair.position, StringComparer.Ordinal);
        _values = new Value[defaults.Count];
    }

    private enum Kind : byte
    {
        Default,
        Node,
        String,
        Number,
        Boolean,
    }

    public bool HasField(string field) => _positions.ContainsKey(field);

    /// <summary>Starts the next record: every field back to the shape's default.</summary>
    public void Clear() => Array.Clear(_values);

    public void Set(string field, string? value) => _values[_positions[field]] = new Value(Kind.String, value, 0, null);

    public void Set(string field, long value) => _values[_positions[field]] = new Value(Kind.Number, null, value, null);

    public void Set(string field, bool value) => _values[_positions[field]] = new Value(Kind.Boolean, null, value ? 1 : 0, null);

    /// <summary>Sets any JSON value; the node is written, never attached, so it may be shared.</summary>
    public void Set(string field, JsonNode? value) => _values[_positions[field]] = new Value(Kind.Node, null, 0, value);

    /// <summary>A field's value as the node a JsonObject would hold.</summary>
    public JsonNode? Get(string field)
    {
        var position = _positions[field];
        var value = _values[position];
        return value.Kind switch
        {
            Kind.Default => _defaults[position],
            Kind.Node => value.Node,
            Kind.String => value.Text is null ? null : JsonValue.Create(value.Text),
            Kind.Number => JsonValue.Create(value.Number),
            _ => JsonValue.Create(value.Number != 0),
        };
    }

    /// <summary>The record's JSON, kept in <paramref name="slabs"/>.</summary>
    public ReadOnlyMemory<byte> ToJson(RecordSlabs slabs) => slabs.Keep(RecordJson.Write(this, static (writer, record) => record.WriteTo(writer)));

    // As JsonObject.WriteTo: each property's name, then the value's own WriteTo (here its converter's one call), or null.
    private void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        for (var i = 0; i < _values.Length; i++)
        {
            writer.WritePropertyName(_names[i]);
            var value = _values[i];
            switch (value.Kind)
            {
                case Kind.String when value.Text is not null:
                    writer.WriteStringValue(value.Text);
                    break;
                case Kind.Number:
                    writer.WriteNumberValue(value.Number);
                    break;
                case Kind.Boolean:
                    writer.WriteBooleanValue(value.Number != 0);
                    break;
                case Kind.Default or Kind.Node when (value.Kind == Kind.Default ? _defaults[i] : value.Node) is { } node:
                    node.WriteTo(writer);
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private readonly record struct Value(Kind Kind, string? Text, long Number, JsonNode? Node);
}
