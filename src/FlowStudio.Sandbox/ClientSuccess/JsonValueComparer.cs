using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Orders field values for sortBy: nulls first, then numbers, booleans and strings (case-insensitive).</summary>
internal sealed class JsonValueComparer : IComparer<JsonNode?>
{
    public static readonly JsonValueComparer Instance = new();

    public int Compare(JsonNode? x, JsonNode? y)
    {
        var rank = Rank(x).CompareTo(Rank(y));
        if (rank != 0 || x is null || y is null)
        {
            return rank;
        }

        return x.GetValueKind() switch
        {
            JsonValueKind.Number => Number(x).CompareTo(Number(y)),
            JsonValueKind.True or JsonValueKind.False => x.GetValue<bool>().CompareTo(y.GetValue<bool>()),
            JsonValueKind.String => string.Compare(x.GetValue<string>(), y.GetValue<string>(), StringComparison.OrdinalIgnoreCase),
            _ => string.CompareOrdinal(x.ToJsonString(), y.ToJsonString()),
        };
    }

    private static int Rank(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => 0,
        JsonValueKind.Number => 1,
        JsonValueKind.True or JsonValueKind.False => 2,
        JsonValueKind.String => 3,
        _ => 4,
    };

    private static decimal Number(JsonNode node) =>
        decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
