using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary><c>a || b</c>: true when any operand is.</summary>
internal sealed class OrExpression(IReadOnlyList<LogicalExpression> operands) : LogicalExpression
{
    public override bool Test(JToken current, EvaluationContext context) => operands.Any(o => o.Test(current, context));
}
