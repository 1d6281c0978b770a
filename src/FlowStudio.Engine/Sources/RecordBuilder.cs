using System.Buffers;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Paths.JsonPath;

namespace FlowStudio.Engine.Sources;

/// <summary>
/// Makes the records of one page from the elements its path to data selected: each record's text is the element's own
/// bytes as sent (compacted) with the page's added properties, and the key and cursor fields and the schema are read
/// from the same parse. A record with no whitespace between its tokens (told while its schema is read) has its bytes
/// copied as they are. Not thread-safe; one per page.
/// </summary>
internal sealed class RecordBuilder(RecordReading reading, IReadOnlyList<AddedProperty> added)
{
    private static readonly byte[] ValueName = "value"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    private readonly ArrayBufferWriter<byte> _layout = new(1024);

    /// <summary>A record of a JSON object.</summary>
    public SourceRecord FromObject(JsonElement record) => Build(record, added);

    /// <summary>A record <c>{"value": ...}</c> around a value that is not an object.</summary>
    public SourceRecord FromValue(JsonElement value) =>
        Build(null, [new AddedProperty("value", ValueName, Compacted(value), SchemaTypes.Of(value), FieldText(value), value), .. added]);

    private static byte[] Compacted(JsonElement value)
    {
        var json = new ArrayBufferWriter<byte>();
        CompactJson.Write(value, json);
        return json.WrittenSpan.ToArray();
    }

    private SourceRecord Build(JsonElement? record, IReadOnlyList<AddedProperty> extra)
    {
        Span<bool> replaced = stackalloc bool[extra.Count];
        var schema = Schema(record, extra, replaced, out var compact);
        var json = Text(record, extra, replaced, compact);
        return new SourceRecord(json, reading.LookupKey, schema, Capture(json, record, extra));
    }

    // The record's own compact object, left open, then the added properties it lacked.
    private byte[] Text(JsonElement? record, IReadOnlyList<AddedProperty> extra, ReadOnlySpan<bool> replaced, bool compact)
    {
        _buffer.ResetWrittenCount();
        if (record is not { } obj)
        {
            _buffer.Write("{"u8);
        }
        else if (replaced.Contains(true))
        {
            WriteReplacing(obj, extra, replaced);
        }
        else
        {
            // A compact object ends in its closing brace.
            var raw = JsonMarshal.GetRawUtf8Value(obj)[..^1];
            if (compact)
            {
                _buffer.Write(raw);
            }
            else
            {
                CompactJson.Write(raw, _buffer);
            }
        }

        var empty = _buffer.WrittenCount == 1;
        for (var i = 0; i < extra.Count; i++)
        {
            if (replaced[i])
            {
                continue;
            }

            if (!empty)
            {
                _buffer.Write(","u8);
            }

            _buffer.Write("\""u8);
            _buffer.Write(extra[i].Utf8Name);
            _buffer.Write("\":"u8);
            _buffer.Write(extra[i].Json);
            empty = false;
        }

        _buffer.Write("}"u8);
        return _buffer.WrittenSpan.ToArray();
    }

    // The object property by property, left open, an added property's value in place of the record's own.
    private void WriteReplacing(JsonElement obj, IReadOnlyList<AddedProperty> extra, ReadOnlySpan<bool> replaced)
    {
        _buffer.Write("{"u8);
        var first = true;
        foreach (var property in obj.EnumerateObject())
        {
            if (!first)
            {
                _buffer.Write(","u8);
            }

            first = false;
            _buffer.Write("\""u8);
            _buffer.Write(JsonMarshal.GetRawUtf8PropertyName(property));
            _buffer.Write("\":"u8);
            var with = Replacement(property, extra, replaced);
            if (with is null)
            {
                CompactJson.Write(property.Value, _buffer);
            }
            else
            {
                _buffer.Write(with.Json);
            }
        }
    }

    private static AddedProperty? Replacement(JsonProperty property, IReadOnlyList<AddedProperty> extra, ReadOnlySpan<bool> replaced)
    {
        for (var i = 0; i < extra.Count; i++)
        {
            if (replaced[i] && property.NameEquals(extra[i].Utf8Name))
            {
                return extra[i];
            }
        }

        return null;
    }

    // The record's fields in order with their types, shared with earlier records of the same layout: one pass writes the
    // layout (each name as sent, a quote, the type), and a 128-bit hash of it finds the schema made for it before. The same
    // pass tells whether the object is compact: each name and value starts right after the punctuation before it.
    private RecordSchema Schema(JsonElement? record, IReadOnlyList<AddedProperty> extra, Span<bool> replaced, out bool compact)
    {
        _layout.ResetWrittenCount();
        var count = 0;
        compact = true;
        if (record is { } obj)
        {
            var whole = JsonMarshal.GetRawUtf8Value(obj);
            ref var start = ref MemoryMarshal.GetReference(whole);
            // Where the next name's raw bytes must start: after {" for the first, after ," for the others.
            nint next = 2;
            foreach (var property in obj.EnumerateObject())
            {
                var name = JsonMarshal.GetRawUtf8PropertyName(property);
                AddToLayout(name, TypeOf(property, extra, replaced));
                count++;
                if (compact)
                {
                    var value = JsonMarshal.GetRawUtf8Value(property.Value);
                    var nameAt = Unsafe.ByteOffset(ref start, ref MemoryMarshal.GetReference(name));
                    var valueAt = Unsafe.ByteOffset(ref start, ref MemoryMarshal.GetReference(value));
                    // ": between the name and its value; an object or array value is checked inside too.
                    compact = nameAt == next && valueAt == nameAt + name.Length + 2
                        && (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) || CompactJson.IsCompact(value));
                    next = valueAt + value.Length + 2;
                }
            }

            // The closing brace right after the last value, or right after the opening one.
            compact = compact && whole.Length == (count == 0 ? 2 : next - 1);
        }

        for (var i = 0; i < extra.Count; i++)
        {
            if (!replaced[i])
            {
                AddToLayout(extra[i].Utf8Name, extra[i].Type);
                count++;
            }
        }

        var layout = XxHash128.HashToUInt128(_layout.WrittenSpan);
        if (reading.Layout(layout) is { } known)
        {
            return known;
        }

        var fieldsSeen = new List<SchemaField>(count);
        if (record is { } again)
        {
            foreach (var property in again.EnumerateObject())
            {
                fieldsSeen.Add(new SchemaField(property.Name, TypeOf(property, extra, replaced)));
            }
        }

        for (var i = 0; i < extra.Count; i++)
        {
            if (!replaced[i])
            {
                fieldsSeen.Add(new SchemaField(extra[i].Name, extra[i].Type));
            }
        }

        var schema = new RecordSchema([.. fieldsSeen]);
        reading.Remember(layout, schema);
        return schema;
    }

    // A name's raw bytes never hold an unescaped quote, so the quote ends it; the type's first letter and length tell the types apart.
    private void AddToLayout(ReadOnlySpan<byte> name, string type)
    {
        var span = _layout.GetSpan(name.Length + 3);
        name.CopyTo(span);
        span[name.Length] = (byte)'"';
        span[name.Length + 1] = (byte)type[0];
        span[name.Length + 2] = (byte)type.Length;
        _layout.Advance(name.Length + 3);
    }

    // A property's type: an added property's when it replaces this one (and is marked replaced), else its value's.
    private static string TypeOf(JsonProperty property, IReadOnlyList<AddedProperty> extra, Span<bool> replaced)
    {
        for (var i = 0; i < extra.Count; i++)
        {
            if (property.NameEquals(extra[i].Utf8Name))
            {
                replaced[i] = true;
                return extra[i].Type;
            }
        }

        return SchemaTypes.Of(property.Value);
    }

    // The text of each key or cursor field, read as RecordFields reads a record.
    private KeyValuePair<string, string?>[] Capture(byte[] json, JsonElement? record, IReadOnlyList<AddedProperty> extra)
    {
        var fields = reading.Fields;
        if (fields.Count == 0)
        {
            return [];
        }

        var captured = new KeyValuePair<string, string?>[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            captured[i] = new(fields[i], Read(json, record, extra, fields[i]));
        }

        return captured;
    }

    private static string? Read(byte[] json, JsonElement? record, IReadOnlyList<AddedProperty> extra, string field)
    {
        if (field.StartsWith('$'))
        {
            if (!JsonPathQuery.TryParse(field, out var query))
            {
                return null;
            }

            using var whole = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 2 * JsonText.MaxDepth });
            return query.Select(whole.RootElement, () => JsonText.Parse(Encoding.UTF8.GetString(json))) is [var first, ..] ? FieldText(first) : null;
        }

        if (Top(record, extra, field) is { } own)
        {
            return own.Text;
        }

        var parts = field.Split('.');
        if (Top(record, extra, parts[0]) is not { Value: { } at })
        {
            return null;
        }

        foreach (var part in parts.Skip(1))
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(part, out at))
            {
                return null;
            }
        }

        return FieldText(at);
    }

    // A top-level field: an added property, else the record's own.
    private static (string? Text, JsonElement? Value)? Top(JsonElement? record, IReadOnlyList<AddedProperty> extra, string name)
    {
        foreach (var property in extra)
        {
            if (property.Name == name)
            {
                return (property.Text, property.Value);
            }
        }

        return record is { } obj && obj.TryGetProperty(name, out var value) ? (FieldText(value), value) : null;
    }

    /// <summary>A value as a field's text: a string as it is, null for null, anything else as compact JSON.</summary>
    public static string? FieldText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => CompactJson.Text(value),
    };
}
