using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>
/// <c>left op right</c> with RFC 9535 §2.3.5.2.2 semantics: Nothing equals only Nothing; values of different kinds are
/// never equal and never ordered; only numbers and strings are ordered; <c>!=</c>, <c>&lt;=</c>, <c>&gt;</c> and
/// <c>&gt;=</c> derive from <c>==</c> and <c>&lt;</c>.
/// </summary>
internal sealed class ComparisonExpression(Operand left, ComparisonOperator op, Operand right) : LogicalExpression
{
    public override bool Test(JToken current, EvaluationContext context)
    {
        var a = left.Value(current, context);
        var b = right.Value(current, context);
        return op switch
        {
            ComparisonOperator.Equal => JsonValueComparer.Equal(a, b),
            ComparisonOperator.NotEqual => !JsonValueComparer.Equal(a, b),
            ComparisonOperator.Less => JsonValueComparer.Less(a, b),
            ComparisonOperator.LessOrEqual => JsonValueComparer.Less(a, b) || JsonValueComparer.Equal(a, b),
            ComparisonOperator.Greater => JsonValueComparer.Less(b, a),
            _ => JsonValueComparer.Less(b, a) || JsonValueComparer.Equal(a, b),
        };
    }
}
