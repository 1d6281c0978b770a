using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>A filter's logical expression: true or false for the current node <c>@</c>. Never throws on odd data.</summary>
internal abstract class LogicalExpression
{
    public abstract bool Test(JToken current, EvaluationContext context);
}
