using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>
/// A child segment (<c>[..]</c>, <c>.name</c>, <c>.*</c>) applies its selectors to the input node; a descendant segment
/// (<c>..</c>) applies them to the node and every descendant, parents before children, in document order.
/// </summary>
internal sealed class Segment(bool descendant, IReadOnlyList<Selector> selectors)
{
    public bool IsDescendant { get; } = descendant;

    public IReadOnlyList<Selector> Selectors { get; } = selectors;

    public void Apply(SelectedNode node, EvaluationContext context, List<SelectedNode> output)
    {
        if (!IsDescendant)
        {
            ApplySelectors(node, context, output);
            return;
        }

        // An explicit stack, not recursion: a deep document cannot overflow the call stack.
        var pending = new Stack<SelectedNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var visited = pending.Pop();
            ApplySelectors(visited, context, output);
            switch (visited.Value)
            {
                case JArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        pending.Push(new SelectedNode(array[i], visited.Child(i)));
                    }

                    break;
                case JObject obj:
                    var properties = obj.Properties().ToList();
                    for (var i = properties.Count - 1; i >= 0; i--)
                    {
                        pending.Push(new SelectedNode(properties[i].Value, visited.Child(properties[i].Name)));
                    }

                    break;
            }
        }
    }

    /// <summary>The same over a System.Text.Json element (a query without filters).</summary>
    public void Apply(JsonElement node, List<JsonElement> output)
    {
        if (!IsDescendant)
        {
            ApplySelectors(node, output);
            return;
        }

        var pending = new Stack<JsonElement>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var visited = pending.Pop();
            ApplySelectors(visited, output);
            var children = visited.ValueKind switch
            {
                JsonValueKind.Array => visited.EnumerateArray().ToList(),
                JsonValueKind.Object => [.. visited.EnumerateObject().Select(p => p.Value)],
                _ => [],
            };
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    private void ApplySelectors(JsonElement node, List<JsonElement> output)
    {
        foreach (var selector in Selectors)
        {
            selector.Select(node, output);
        }
    }

    private void ApplySelectors(SelectedNode node, EvaluationContext context, List<SelectedNode> output)
    {
        foreach (var selector in Selectors)
        {
            selector.Select(node, context, output);
        }
    }
}
