using FlowStudio.Engine.Paths.JsonPath.Filters;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Functions;

/// <summary><c>value(query)</c>: the value of the only node the query selects; Nothing when it selects none or several.</summary>
internal sealed class ValueFunction() : FunctionExtension("value", FilterType.Value, FilterType.Nodes)
{
    public override JToken? ValueOf(IReadOnlyList<Operand> arguments, JToken current, EvaluationContext context) =>
        arguments[0].Nodes(current, context) is [var only] ? only : null;
}
