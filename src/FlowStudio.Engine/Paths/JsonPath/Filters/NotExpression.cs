using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary><c>!test</c> or <c>!(expr)</c>.</summary>
internal sealed class NotExpression(LogicalExpression operand) : LogicalExpression
{
    public override bool Test(JToken current, EvaluationContext context) => !operand.Test(current, context);
}
