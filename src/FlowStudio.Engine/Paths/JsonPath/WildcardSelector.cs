using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary><c>*</c>: every element of an array, every member value of an object.</summary>
internal sealed class WildcardSelector : Selector
{
    public static readonly WildcardSelector Instance = new();

    public override void Select(SelectedNode node, EvaluationContext context, List<SelectedNode> output)
    {
        switch (node.Value)
        {
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    output.Add(new SelectedNode(array[i], node.Child(i)));
                }

                break;
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    output.Add(new SelectedNode(property.Value, node.Child(property.Name)));
                }

                break;
        }
    }

    public override void Select(JsonElement node, List<JsonElement> output)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                output.AddRange(node.EnumerateArray());
                break;
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    output.Add(property.Value);
                }

                break;
        }
    }
}
