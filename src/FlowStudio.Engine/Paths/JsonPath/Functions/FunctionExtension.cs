using FlowStudio.Engine.Paths.JsonPath.Filters;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Functions;

/// <summary>
/// A function extension (RFC 9535 §2.4): its name, declared parameter types and result type, which the parser checks
/// (well-typedness), and its evaluation, which never throws.
/// </summary>
internal abstract class FunctionExtension(string name, FilterType result, params FilterType[] parameters)
{
    public string Name { get; } = name;

    public FilterType Result { get; } = result;

    public IReadOnlyList<FilterType> Parameters { get; } = parameters;

    /// <summary>The result of a ValueType function; null means Nothing.</summary>
    public virtual JToken? ValueOf(IReadOnlyList<Operand> arguments, JToken current, EvaluationContext context) => null;

    public virtual bool LogicalOf(IReadOnlyList<Operand> arguments, JToken current, EvaluationContext context) => false;

    public virtual IReadOnlyList<JToken> NodesOf(IReadOnlyList<Operand> arguments, JToken current, EvaluationContext context) => [];

    /// <summary>Describes the signature for error messages, e.g. "length(value)".</summary>
    public string Signature => $"{Name}({string.Join(", ", Parameters.Select(p => p switch
    {
        FilterType.Nodes => "query",
        FilterType.Logical => "logical expression",
        _ => "value",
    }))})";
}
