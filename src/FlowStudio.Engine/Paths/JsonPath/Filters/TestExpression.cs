using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>
/// A query or function standing alone as a test: an existence test (<c>@.name</c> selects something, even null), or a
/// function's logical result. Before the parser accepts one it checks <see cref="IsWellTyped"/>.
/// </summary>
internal sealed class TestExpression(Operand operand) : LogicalExpression
{
    public Operand Operand { get; } = operand;

    /// <summary>False for a function that gives a value (e.g. <c>length(@)</c>), which must be compared instead.</summary>
    public bool IsWellTyped => Operand.ConvertsTo(FilterType.Logical);

    public override bool Test(JToken current, EvaluationContext context) => Operand.Logical(current, context);
}
