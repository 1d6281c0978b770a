using FlowStudio.Engine.Paths.JsonPath;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// Reads one field of a record, as a record key or an incremental source's cursor field names it: a JSONPath
/// (starting with <c>$</c>, RFC 9535) gives its first node; any other text is a property name, and dots step into nested
/// objects when no property has the whole name (<c>owner.id</c>). Never throws: an invalid path reads nothing.
/// </summary>
internal static class RecordFields
{
    /// <summary>The field's value, or null when the record does not have it.</summary>
    public static JToken? Read(JObject record, string field)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (field.StartsWith('$'))
        {
            return JsonPathQuery.TryParse(field, out var query) ? query.Select(record).FirstOrDefault() : null;
        }

        if (record.TryGetValue(field, out var whole))
        {
            return whole;
        }

        JToken? at = record;
        foreach (var part in field.Split('.'))
        {
            if (at is not JObject obj || !obj.TryGetValue(part, out at))
            {
                return null;
            }
        }

        return at;
    }
}
