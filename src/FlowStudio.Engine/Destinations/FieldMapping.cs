namespace FlowStudio.Engine.Destinations;

/// <summary>
/// How one destination field is filled for each record: from a dataset attribute, a constant or an expression, then
/// optionally defaulted when empty and converted. Used by template destinations (the Mapping section) and by the
/// ClientSuccess sync's field mapping.
/// </summary>
/// <param name="Field">The destination field (a top-level property of the record sent).</param>
/// <param name="From">One of <see cref="MappingSources"/>.</param>
/// <param name="Value">The attribute name (or dotted path), the constant text, or the JavaScript expression over <c>record</c>.</param>
/// <param name="Convert">One of <see cref="MappingConversions"/>, or null to send the value as it is.</param>
/// <param name="Default">Text used when the value is absent, null or blank (before the conversion); null for none.</param>
public sealed record FieldMapping(string Field, string From, string Value, string? Convert = null, string? Default = null)
{
    /// <summary>The field filled from the attribute of the same (or another) name, unconverted.</summary>
    public static FieldMapping FromAttribute(string field, string attribute) => new(field, MappingSources.Attribute, attribute);
}

/// <summary>Where a mapped field's value comes from (<see cref="FieldMapping.From"/>).</summary>
public static class MappingSources
{
    /// <summary>A dataset attribute, by name or dotted path.</summary>
    public const string Attribute = "attribute";

    /// <summary>The same text for every record.</summary>
    public const string Constant = "constant";

    /// <summary>A JavaScript expression over <c>record</c>, run by the sandboxed script engine.</summary>
    public const string Expression = "expression";

    /// <summary>Every source.</summary>
    public static readonly IReadOnlyList<string> All = [Attribute, Constant, Expression];
}
