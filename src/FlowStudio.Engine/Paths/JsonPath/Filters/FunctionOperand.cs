using FlowStudio.Engine.Paths.JsonPath.Functions;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>A call of a function extension, e.g. <c>length(@.name)</c>; its type is the function's result type.</summary>
internal sealed class FunctionOperand(FunctionExtension function, IReadOnlyList<Operand> arguments, int position) : Operand(position)
{
    public FunctionExtension Function { get; } = function;

    public override FilterType Type => Function.Result;

    public override JToken? Value(JToken current, EvaluationContext context) => Function.ValueOf(arguments, current, context);

    public override bool Logical(JToken current, EvaluationContext context) => Function.Result == FilterType.Nodes
        ? Function.NodesOf(arguments, current, context).Count > 0
        : Function.LogicalOf(arguments, current, context);

    public override IReadOnlyList<JToken> Nodes(JToken current, EvaluationContext context) => Function.NodesOf(arguments, current, context);

    public override bool ConvertsTo(FilterType expected) =>
        expected == Type || (expected == FilterType.Logical && Type == FilterType.Nodes);
}
