using System.Text.Json;

namespace FlowStudio.Application.Versions;

/// <summary>
/// The fields that differ between two configurations, field by field: nested objects by their path
/// (<c>manual.batching.batchSize</c>, <c>parameters.objectType</c>); a list is one field.
/// </summary>
internal static class ConfigDiff
{
    public static IReadOnlyList<FieldChange> Between(JsonElement before, JsonElement after)
    {
        var old = Fields(before);
        var now = Fields(after);
        return old.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Select(field => new FieldChange(field, old.GetValueOrDefault(field), now.GetValueOrDefault(field)))
            .Where(change => change.Before != change.After)
            .OrderBy(change => change.Field, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Each leaf field of <paramref name="config"/> by its path, as text; null and empty values are left out.</summary>
    public static Dictionary<string, string> Fields(JsonElement config)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(fields, "", config);
        return fields;
    }

    private static void Add(Dictionary<string, string> fields, string path, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Add(fields, path.Length == 0 ? property.Name : $"{path}.{property.Name}", property.Value);
                }

                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                break;
            case JsonValueKind.String:
                fields[path] = value.GetString()!;
                break;
            default:
                fields[path] = value.GetRawText();
                break;
        }
    }
}
