using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary><c>['name']</c> or <c>.name</c>: the member of an object with exactly that name.</summary>
internal sealed class NameSelector(string name) : Selector
{
    public string Name { get; } = name;

    public override void Select(SelectedNode node, EvaluationContext context, List<SelectedNode> output)
    {
        if (node.Value is JObject obj && obj.TryGetValue(Name, out var value))
        {
            output.Add(new SelectedNode(value, node.Child(Name)));
        }
    }

    public override void Select(JsonElement node, List<JsonElement> output)
    {
        // A repeated name reads its last value, as the tree keeps it.
        if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(Name, out var value))
        {
            output.Add(value);
        }
    }
}
