using FlowStudio.Engine.Paths.JsonPath.Filters;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Functions;

/// <summary><c>count(query)</c>: how many nodes the query selects.</summary>
internal sealed class CountFunction() : FunctionExtension("count", FilterType.Value, FilterType.Nodes)
{
    public override JToken? ValueOf(IReadOnlyList<Operand> arguments, JToken current, EvaluationContext context) =>
        new JValue((long)arguments[0].Nodes(current, context).Count);
}
