using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>A logical expression passed to a function that takes a LogicalType argument.</summary>
internal sealed class LogicalOperand(LogicalExpression expression, int position) : Operand(position)
{
    public override FilterType Type => FilterType.Logical;

    public override bool Logical(JToken current, EvaluationContext context) => expression.Test(current, context);

    public override bool ConvertsTo(FilterType expected) => expected == FilterType.Logical;
}
