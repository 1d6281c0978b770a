using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowStudio.Application.Common;

/// <summary>
/// Request bodies' lists of objects and strings refuse a <c>null</c> item (<c>"mapping": [null]</c>) with a 400 naming
/// its place, instead of handing the service a list it does not expect. Writing is unchanged.
/// </summary>
internal sealed class NoNullListItems : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && (typeToConvert.GetGenericTypeDefinition() == typeof(List<>) || typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        && !typeToConvert.GetGenericArguments()[0].IsValueType;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var item = typeToConvert.GetGenericArguments()[0];
        var converter = typeToConvert.GetGenericTypeDefinition() == typeof(List<>)
            ? typeof(ListConverter<>).MakeGenericType(item)
            : typeof(ReadOnlyListConverter<>).MakeGenericType(item);
        return (JsonConverter)Activator.CreateInstance(converter)!;
    }

    private static List<T> ReadItems<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException();
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonException($"Item {items.Count} of a list is null: remove it, or give it a value.");
            }

            items.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
        }

        return items;
    }

    private static void WriteItems<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, options);
        }

        writer.WriteEndArray();
    }

    private sealed class ListConverter<T> : JsonConverter<List<T>>
    {
        public override List<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadItems<T>(ref reader, options);

        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) => WriteItems(writer, value, options);
    }

    private sealed class ReadOnlyListConverter<T> : JsonConverter<IReadOnlyList<T>>
    {
        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadItems<T>(ref reader, options);

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) => WriteItems(writer, value, options);
    }
}
