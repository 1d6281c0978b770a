using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>
/// A query inside a filter (<c>@…</c> or <c>$…</c>). Its nodes; as a value (singular queries only) the one node's value
/// or Nothing; as a logical value, whether it selected anything.
/// </summary>
internal sealed class QueryOperand(QueryExpression query, int position) : Operand(position)
{
    public QueryExpression Query { get; } = query;

    public override FilterType Type => FilterType.Nodes;

    public override JToken? Value(JToken current, EvaluationContext context) =>
        Query.Values(current, context) is [var only] ? only : null;

    public override bool Logical(JToken current, EvaluationContext context) => Query.Exists(current, context);

    public override IReadOnlyList<JToken> Nodes(JToken current, EvaluationContext context) => Query.Values(current, context);

    public override bool ConvertsTo(FilterType expected) => expected switch
    {
        FilterType.Value => Query.IsSingular,
        _ => true,
    };
}
