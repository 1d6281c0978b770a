using FlowStudio.Engine.Templates;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>A template field a record is about to be refused for: required and empty, or holding another type.</summary>
/// <param name="Field">The endpoint field.</param>
/// <param name="Empty">True when the field is required and empty; false when its value is not of <paramref name="Type"/>.</param>
/// <param name="Type">The field's declared type (<see cref="FieldTypes"/>).</param>
public sealed record FieldCheck(string Field, bool Empty, string Type)
{
    /// <summary>The problems of <paramref name="sent"/> (a record as it goes out) against <paramref name="fields"/>.</summary>
    internal static IEnumerable<FieldCheck> Of(IReadOnlyList<TemplateField> fields, JObject sent)
    {
        foreach (var field in fields)
        {
            var value = sent[field.Name];
            if (RecordFields.IsBlank(value))
            {
                if (field.Required)
                {
                    yield return new FieldCheck(field.Name, true, field.Type);
                }
            }
            else if (!Fits(field.Type, value!.Type))
            {
                yield return new FieldCheck(field.Name, false, field.Type);
            }
        }
    }

    private static bool Fits(string type, JTokenType value) => type switch
    {
        FieldTypes.String or FieldTypes.IsoDateTime or FieldTypes.Date => value is JTokenType.String or JTokenType.Date,
        FieldTypes.Number or FieldTypes.EpochMillis => value is JTokenType.Integer or JTokenType.Float,
        FieldTypes.Integer => value is JTokenType.Integer,
        FieldTypes.Boolean => value is JTokenType.Boolean,
        FieldTypes.Object => value is JTokenType.Object,
        FieldTypes.Array => value is JTokenType.Array,
        _ => true,
    };
}
