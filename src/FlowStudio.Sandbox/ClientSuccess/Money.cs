using System.Globalization;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Amount arithmetic on JSON number fields, rounded to cents.</summary>
internal static class Money
{
    public static decimal? Read(JsonObject record, string field) =>
        record[field] is JsonValue value && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    public static decimal Sum(IEnumerable<JsonObject> records, string field) => Round(records.Sum(record => Read(record, field) ?? 0));

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
