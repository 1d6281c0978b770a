using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// A record's sortBy value read from its stored bytes, ordered as <see cref="JsonValueComparer"/> orders the live value:
/// nulls first, then numbers, booleans, strings (case-insensitive) and anything else (by its JSON text).
/// </summary>
internal readonly record struct SortKey(int Rank, decimal Number, string? Text) : IComparable<SortKey>
{
    public int CompareTo(SortKey other)
    {
        var rank = Rank.CompareTo(other.Rank);
        if (rank != 0)
        {
            return rank;
        }

        return Rank switch
        {
            1 or 2 => Number.CompareTo(other.Number),
            3 => string.Compare(Text, other.Text, StringComparison.OrdinalIgnoreCase),
            4 => string.CompareOrdinal(Text, other.Text),
            _ => 0,
        };
    }

    /// <summary>The value of the top-level <paramref name="field"/> of a stored record.</summary>
    public static SortKey Read(ReadOnlySpan<byte> json, string field)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(field);
            reader.Read();
            if (match)
            {
                return Value(ref reader, json);
            }

            reader.Skip();
        }

        return default;
    }

    private static SortKey Value(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var text = Encoding.UTF8.GetString(reader.ValueSpan);
                return new SortKey(1, decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : 0, null);
            case JsonTokenType.True:
                return new SortKey(2, 1, null);
            case JsonTokenType.False:
                return new SortKey(2, 0, null);
            case JsonTokenType.String:
                return new SortKey(3, 0, reader.GetString());
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return new SortKey(4, 0, Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]));
            default:
                return default;
        }
    }
}
