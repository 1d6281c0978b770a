using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary><c>a &amp;&amp; b</c>: true when every operand is.</summary>
internal sealed class AndExpression(IReadOnlyList<LogicalExpression> operands) : LogicalExpression
{
    public override bool Test(JToken current, EvaluationContext context) => operands.All(o => o.Test(current, context));
}
