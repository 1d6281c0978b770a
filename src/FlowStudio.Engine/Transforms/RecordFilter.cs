using System.Globalization;
using FlowStudio.Engine.Paths;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Transforms;

/// <summary>Whether a record passes a filter step: its conditions combined with All (the default) or Any.</summary>
internal static class RecordFilter
{
    public static bool Passes(TransformStep step, JObject record)
    {
        var conditions = step.Conditions ?? [];
        return step.Match == FilterMatches.Any
            ? conditions.Any(c => Holds(c, record))
            : conditions.All(c => Holds(c, record));
    }

    private static bool Holds(FilterCondition condition, JObject record)
    {
        var value = RecordFields.Read(record, condition.Field.Trim());
        return condition.Operator switch
        {
            FilterOperators.EqualsTo => Same(value, condition.Value),
            FilterOperators.NotEquals => !Same(value, condition.Value),
            FilterOperators.Contains => Text(value) is { } text && text.Contains(condition.Value ?? "", StringComparison.OrdinalIgnoreCase),
            FilterOperators.GreaterThan => Compare(value, condition.Value) > 0,
            FilterOperators.LessThan => Compare(value, condition.Value) is < 0 and not int.MinValue,
            FilterOperators.IsEmpty => IsEmpty(value),
            FilterOperators.IsNotEmpty => !IsEmpty(value),
            FilterOperators.InList => (condition.Values ?? []).Any(v => Same(value, v)),
            _ => throw new ArgumentException($"Unknown filter operator “{condition.Operator}”.", nameof(condition)),
        };
    }

    private static bool IsEmpty(JToken? value) => value switch
    {
        null => true,
        { Type: JTokenType.Null or JTokenType.Undefined } => true,
        JValue { Type: JTokenType.String } text => string.IsNullOrWhiteSpace((string?)text),
        JContainer container => !container.HasValues,
        _ => false,
    };

    private static bool Same(JToken? value, string? expected)
    {
        if (IsEmpty(value) && value is not JValue { Type: JTokenType.String })
        {
            return expected is null || expected.Length == 0 || expected == "null";
        }

        if (Number(value) is { } number && Number(expected) is { } other)
        {
            return number == other;
        }

        return string.Equals(Text(value), expected ?? "", StringComparison.Ordinal);
    }

    /// <summary>Numbers as numbers, then dates as instants, then text ordinally; <see cref="int.MinValue"/> when the field is missing.</summary>
    private static int Compare(JToken? value, string? expected)
    {
        if (IsEmpty(value) || expected is null)
        {
            return int.MinValue;
        }

        if (Number(value) is { } number && Number(expected) is { } other)
        {
            return number.CompareTo(other);
        }

        if (Date(value) is { } date && Date(expected) is { } otherDate)
        {
            return date.CompareTo(otherDate);
        }

        return Math.Sign(string.CompareOrdinal(Text(value), expected));
    }

    private static string? Text(JToken? value) => value switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.Date } date => date.ToString(Newtonsoft.Json.Formatting.None).Trim('"'),
        JValue { Type: JTokenType.Boolean } flag => (bool)flag ? "true" : "false",
        JValue scalar => Convert.ToString(scalar.Value, CultureInfo.InvariantCulture),
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static decimal? Number(JToken? value) => value switch
    {
        JValue { Type: JTokenType.Integer or JTokenType.Float } number => Number(Convert.ToString(number.Value, CultureInfo.InvariantCulture)),
        JValue { Type: JTokenType.String } text => Number((string?)text),
        _ => null,
    };

    private static decimal? Number(string? text) =>
        text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateTimeOffset? Date(JToken? value) => value switch
    {
        JValue { Type: JTokenType.Date } date => date.Value is DateTimeOffset offset ? offset : new DateTimeOffset(DateTime.SpecifyKind((DateTime)date.Value!, DateTimeKind.Utc)),
        _ => Date(Text(value)),
    };

    private static DateTimeOffset? Date(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
