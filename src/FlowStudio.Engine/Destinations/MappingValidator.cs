using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Checks a template destination's mapping and names each problem by its row: <c>mapping[n].field</c>,
/// <c>mapping[n].from</c>, <c>mapping[n].value</c>, <c>mapping[n].convert</c> (n counts from 0).
/// </summary>
public sealed class MappingValidator(IScriptEvaluator scripts)
{
    /// <summary>Every problem with <paramref name="mapping"/> for <paramref name="template"/>; empty when it can be used.</summary>
    /// <param name="attributes">The dataset's attributes, or null when they are not known (any attribute is accepted).</param>
    public IReadOnlyList<FieldError> Validate(IReadOnlyList<FieldMapping> mapping, EndpointTemplate template, IReadOnlyCollection<string>? attributes)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<FieldError>();
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < mapping.Count; n++)
        {
            var row = mapping[n];
            var at = $"mapping[{n}].";
            if (FieldProblem(row, template, rows, n) is { } fieldProblem)
            {
                errors.Add(new(at + "field", fieldProblem));
            }

            var field = string.IsNullOrWhiteSpace(row.Field) ? $"row {n + 1}" : row.Field;
            if (!MappingSources.All.Contains(row.From))
            {
                errors.Add(new(at + "from", $"'{row.From}' is not a source for {field}: use {string.Join(", ", MappingSources.All)}."));
            }
            else if (ValueProblem(row, field, attributes) is { } valueProblem)
            {
                errors.Add(new(at + "value", valueProblem));
            }

            if (row.Convert is { } conversion && !MappingConversions.All.Contains(conversion))
            {
                errors.Add(new(at + "convert", $"'{conversion}' is not a conversion for {field}: use {string.Join(", ", MappingConversions.All)}."));
            }
        }

        return errors;
    }

    private static string? FieldProblem(FieldMapping row, EndpointTemplate template, Dictionary<string, int> rows, int n)
    {
        if (string.IsNullOrWhiteSpace(row.Field))
        {
            return $"Mapping row {n + 1} has no destination field.";
        }

        if (template.Field(row.Field) is null)
        {
            return template.Fields.Count == 0
                ? $"{template.Name} sends no record fields, so '{row.Field}' cannot be mapped."
                : $"{template.Name} has no field '{row.Field}'; its fields are {string.Join(", ", template.Fields.Select(f => f.Name))}.";
        }

        return rows.TryAdd(row.Field, n) ? null : $"{row.Field} is mapped twice (rows {rows[row.Field] + 1} and {n + 1}): map each field once.";
    }

    private string? ValueProblem(FieldMapping row, string field, IReadOnlyCollection<string>? attributes)
    {
        switch (row.From)
        {
            case MappingSources.Attribute when string.IsNullOrWhiteSpace(row.Value):
                return $"Choose the dataset attribute that fills {field}.";
            case MappingSources.Attribute when attributes is not null && !HasAttribute(attributes, row.Value):
                return $"The dataset has no attribute '{row.Value}' to fill {field}.";
            case MappingSources.Expression when string.IsNullOrWhiteSpace(row.Value):
                return $"Write the expression that computes {field}, e.g. String(record.id).";
            case MappingSources.Expression when scripts.CheckSyntax(MappingScript.ForSyntaxCheck(row.Value)) is { } problem:
                return $"The expression for {field} is not valid JavaScript: {problem.Message}";
            default:
                return null;
        }
    }

    // A dotted path is fine when the dataset lists it or its top-level attribute.
    private static bool HasAttribute(IReadOnlyCollection<string> attributes, string name) =>
        attributes.Contains(name, StringComparer.Ordinal)
        || (name.Contains('.', StringComparison.Ordinal) && attributes.Contains(name[..name.IndexOf('.', StringComparison.Ordinal)], StringComparer.Ordinal));
}
