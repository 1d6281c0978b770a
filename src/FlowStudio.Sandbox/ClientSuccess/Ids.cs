using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Reading ids and references out of JSON records.</summary>
internal static class Ids
{
    public static long Of(JsonObject record) => Long(record, "id") ?? throw new InvalidOperationException("A stored record has no id.");

    /// <summary>The text of a scalar reference (number or string), or null for anything else.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    public static string? String(JsonObject record, string field) => String(record[field]);

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? Long(JsonObject record, string field) => Long(record[field]);

    public static long? Long(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number)
            ? number
            : long.TryParse(Text(node), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
