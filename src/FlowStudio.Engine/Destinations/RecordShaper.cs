using System.Globalization;
using FlowStudio.Engine.Scripting;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>Applies a <see cref="RecordShape"/> and the excluded attributes to one record.</summary>
internal static class RecordShaper
{
    /// <summary>The mapped copy of <paramref name="data"/>; mapping expressions run in <paramref name="scripts"/>.</summary>
    /// <exception cref="RecordRejectedException">
    /// A required field is empty, a date is not YYYY-MM-DD, a value cannot be converted or an expression failed.
    /// </exception>
    public static JObject Shape(RecordShape shape, JObject data, IScriptEvaluator scripts, CancellationToken cancellationToken)
    {
        JObject mapped;
        if (shape.Mapping is null)
        {
            // Only date fields rewrite the record, so only then is it copied; a record that already sits in another
            // batch is copied by Json.NET when it is added to this one.
            mapped = shape.DateFields.Count == 0 ? data : (JObject)data.DeepClone();
        }
        else
        {
            mapped = Map(shape.Mapping, data, scripts, cancellationToken);
        }

        foreach (var required in shape.Required)
        {
            if (RecordFields.IsBlank(mapped[required.Field]))
            {
                throw new RecordRejectedException(required.Message);
            }
        }

        foreach (var field in shape.DateFields)
        {
            if (mapped[field] is { } value && !RecordFields.IsBlank(value))
            {
                mapped[field] = AsDate(field, value);
            }
        }

        return mapped;
    }

    private static JObject Map(IReadOnlyList<FieldMapping> mapping, JObject data, IScriptEvaluator scripts, CancellationToken cancellationToken)
    {
        var computed = MappingScript.Evaluate(mapping, data, scripts, cancellationToken);
        var mapped = new JObject();
        for (var i = 0; i < mapping.Count; i++)
        {
            var field = mapping[i];
            var value = field.From switch
            {
                MappingSources.Constant => new JValue(field.Value),
                MappingSources.Expression => computed![i],
                _ => RecordFields.Find(data, field.Value)?.DeepClone(),
            };
            if (RecordFields.IsBlank(value) && field.Default is not null)
            {
                value = new JValue(field.Default);
            }

            if (value is not null && field.Convert is { } conversion)
            {
                value = MappingConversions.Apply(conversion, value, field.Field);
            }

            if (value is not null)
            {
                mapped[field.Field] = value;
            }
        }

        return mapped;
    }

    /// <summary>A copy of <paramref name="record"/> without the excluded attributes (top-level names or dotted paths).</summary>
    public static JObject Exclude(JObject record, IReadOnlyList<string> excluded)
    {
        if (excluded.Count == 0)
        {
            return record;
        }

        var copy = (JObject)record.DeepClone();
        foreach (var name in excluded)
        {
            if (!copy.Remove(name) && name.Contains('.', StringComparison.Ordinal))
            {
                (RecordFields.Find(copy, name)?.Parent as JProperty)?.Remove();
            }
        }

        return copy;
    }

    private static JValue AsDate(string field, JToken value)
    {
        // JSON readers may already have turned "2024-03-01" into a date; a date without a time is fine.
        if (value is JValue { Value: DateTime date } && date.TimeOfDay == TimeSpan.Zero)
        {
            return new JValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var text = value.Type == JTokenType.String ? (string?)value : null;
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return new JValue(text);
        }

        throw new RecordRejectedException($"{field} must be a date written as YYYY-MM-DD, not \"{RecordFields.AsText(value) ?? value.ToString()}\"");
    }
}
