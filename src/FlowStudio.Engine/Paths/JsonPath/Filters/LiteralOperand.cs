using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>A string, number, true, false or null written in the path.</summary>
internal sealed class LiteralOperand(JToken literal, int position) : Operand(position)
{
    public override FilterType Type => FilterType.Value;

    public override JToken? Value(JToken current, EvaluationContext context) => literal;

    public override bool ConvertsTo(FilterType expected) => expected == FilterType.Value;
}
