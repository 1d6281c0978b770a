using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>
/// Something a comparison compares or a function takes: a literal, a query, a function call or a logical expression.
/// <see cref="Type"/> is its declared type; the parser only lets it be read as a type it converts to (§2.4.3).
/// </summary>
internal abstract class Operand(int position)
{
    /// <summary>The 1-based position of the operand in the path, for error messages.</summary>
    public int Position { get; } = position;

    public abstract FilterType Type { get; }

    /// <summary>The operand as a value; null means Nothing.</summary>
    public virtual JToken? Value(JToken current, EvaluationContext context) => null;

    public virtual bool Logical(JToken current, EvaluationContext context) => false;

    public virtual IReadOnlyList<JToken> Nodes(JToken current, EvaluationContext context) => [];

    /// <summary>True when the operand may be used where <paramref name="expected"/> is declared (RFC 9535 §2.4.3).</summary>
    public abstract bool ConvertsTo(FilterType expected);
}
