using FlowStudio.Engine.Paths.JsonPath.Filters;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary><c>[?expr]</c>: the elements of an array, or member values of an object, for which the expression holds.</summary>
internal sealed class FilterSelector(LogicalExpression expression) : Selector
{
    public override void Select(SelectedNode node, EvaluationContext context, List<SelectedNode> output)
    {
        switch (node.Value)
        {
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (expression.Test(array[i], context))
                    {
                        output.Add(new SelectedNode(array[i], node.Child(i)));
                    }
                }

                break;
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    if (expression.Test(property.Value, context))
                    {
                        output.Add(new SelectedNode(property.Value, node.Child(property.Name)));
                    }
                }

                break;
        }
    }
}
