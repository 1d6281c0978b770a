using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary><c>[i]</c>: the array element at <c>i</c>, counted from the end when negative (<c>[-1]</c> is the last).</summary>
internal sealed class IndexSelector(long index) : Selector
{
    public long Index { get; } = index;

    public override void Select(SelectedNode node, EvaluationContext context, List<SelectedNode> output)
    {
        if (node.Value is not JArray array)
        {
            return;
        }

        var at = Index < 0 ? array.Count + Index : Index;
        if (at >= 0 && at < array.Count)
        {
            output.Add(new SelectedNode(array[(int)at], node.Child(at)));
        }
    }

    public override void Select(JsonElement node, List<JsonElement> output)
    {
        if (node.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var count = node.GetArrayLength();
        var at = Index < 0 ? count + Index : Index;
        if (at >= 0 && at < count)
        {
            output.Add(node[(int)at]);
        }
    }
}
