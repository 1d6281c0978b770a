using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>Reads a field of a record by name, or by a dotted path into nested objects.</summary>
internal static class RecordFields
{
    public static JToken? Find(JObject? record, string name)
    {
        if (record is null)
        {
            return null;
        }

        if (record.TryGetValue(name, StringComparison.Ordinal, out var exact))
        {
            return exact;
        }

        JToken? current = record;
        foreach (var part in name.Split('.'))
        {
            current = current is JObject obj && obj.TryGetValue(part, StringComparison.Ordinal, out var next) ? next : null;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>True when the field is absent, null or blank text.</summary>
    public static bool IsBlank(JToken? value) =>
        value is null || value.Type is JTokenType.Null or JTokenType.Undefined
        || (value.Type == JTokenType.String && string.IsNullOrWhiteSpace((string?)value));

    /// <summary>A scalar as invariant text (dates as ISO 8601); null for objects and arrays.</summary>
    public static string? AsText(JToken value) => value switch
    {
        JValue { Type: JTokenType.Date, Value: DateTime date } => date.ToString("O", CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Date, Value: DateTimeOffset offset } => offset.ToString("O", CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Boolean } flag => (bool)flag ? "true" : "false",
        JValue scalar => Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? "",
        _ => null,
    };

    /// <summary>The record as compact JSON.</summary>
    public static string Compact(JToken value) => value.ToString(Formatting.None);
}
