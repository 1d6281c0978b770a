using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// The mapping proposed for a template: each field with a dataset attribute of the same name (case-insensitive) is
/// filled from it, with the conversion its type calls for (a number attribute into a text field → toString, date text
/// into an epochMillis field → epochMillis, ...).
/// </summary>
public static class MappingProposals
{
    /// <summary>A row for each field of <paramref name="fields"/> that has a same-named attribute (name and detected type).</summary>
    public static IReadOnlyList<FieldMapping> SameNames(IEnumerable<TemplateField> fields, IEnumerable<(string Name, string Type)> attributes)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(attributes);
        var byName = attributes.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var proposed = new List<FieldMapping>();
        foreach (var field in fields)
        {
            if (byName.TryGetValue(field.Name, out var attribute))
            {
                proposed.Add(new FieldMapping(field.Name, MappingSources.Attribute, attribute.Name, Conversion(field.Type, attribute.Type)));
            }
        }

        return proposed;
    }

    /// <summary>The conversion that turns an attribute of detected type <paramref name="attributeType"/> into a <paramref name="fieldType"/> field; null when none is needed.</summary>
    public static string? Conversion(string fieldType, string attributeType) => (fieldType, attributeType) switch
    {
        (FieldTypes.String, SchemaTypes.Integer or SchemaTypes.Number or SchemaTypes.Boolean) => MappingConversions.ToText,
        (FieldTypes.Number or FieldTypes.Integer, SchemaTypes.String) => MappingConversions.ToNumber,
        (FieldTypes.EpochMillis, SchemaTypes.String) => MappingConversions.EpochMillis,
        (FieldTypes.IsoDateTime, SchemaTypes.Integer or SchemaTypes.Number) => MappingConversions.IsoDateTime,
        (FieldTypes.Date, SchemaTypes.Integer or SchemaTypes.Number) => MappingConversions.Date,
        _ => null,
    };
}
