namespace FlowStudio.Engine.Transforms;

/// <summary>
/// One step of a transform, as the API and the editor carry it. <see cref="Kind"/> says which fields matter:
/// <c>filter</c> (<see cref="Match"/>, <see cref="Conditions"/>), <c>rename</c> (<see cref="Field"/> to <see cref="To"/>),
/// <c>drop</c> (<see cref="Fields"/>), <c>compute</c> (<see cref="Field"/> from the JavaScript <see cref="Expression"/>,
/// which sees the record as <c>record</c>) and <c>script</c> (<see cref="Code"/> defining <c>transform(record)</c>).
/// </summary>
public sealed record TransformStep(
    string Kind,
    string? Match = null,
    IReadOnlyList<FilterCondition>? Conditions = null,
    string? Field = null,
    string? To = null,
    IReadOnlyList<string>? Fields = null,
    string? Expression = null,
    string? Code = null);

/// <summary>
/// A filter condition: the record's <see cref="Field"/> (a property name; dots step into nested objects) compared with
/// <see cref="Value"/>, or with <see cref="Values"/> for <c>inList</c>.
/// </summary>
public sealed record FilterCondition(string Field, string Operator, string? Value = null, IReadOnlyList<string>? Values = null);

/// <summary>The words of <see cref="TransformStep.Kind"/>.</summary>
public static class TransformStepKinds
{
    /// <summary>Keeps the records matching conditions.</summary>
    public const string Filter = "filter";

    /// <summary>Renames a field.</summary>
    public const string Rename = "rename";

    /// <summary>Removes fields.</summary>
    public const string Drop = "drop";

    /// <summary>Sets a field from an expression.</summary>
    public const string Compute = "compute";

    /// <summary>Runs <c>transform(record)</c> on each record.</summary>
    public const string Script = "script";

    /// <summary>Every kind, in the order the editor offers them.</summary>
    public static readonly IReadOnlyList<string> All = [Filter, Rename, Drop, Compute, Script];
}

/// <summary>How a filter combines its conditions (<see cref="TransformStep.Match"/>).</summary>
public static class FilterMatches
{
    /// <summary>Every condition holds (the default).</summary>
    public const string All = "all";

    /// <summary>At least one condition holds.</summary>
    public const string Any = "any";
}
