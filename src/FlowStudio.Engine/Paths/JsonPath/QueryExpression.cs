using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>
/// A parsed query: the root (<c>$</c>) or, inside a filter, the current node (<c>@</c>), followed by segments.
/// Segments apply in turn, each to every node the previous one produced, so the result keeps the RFC's order.
/// </summary>
internal sealed class QueryExpression(bool absolute, IReadOnlyList<Segment> segments)
{
    public bool IsAbsolute { get; } = absolute;

    public IReadOnlyList<Segment> Segments { get; } = segments;

    /// <summary>True for a singular query (RFC 9535 §2.3.5.1): child segments of one name or index each, so at most one node.</summary>
    public bool IsSingular { get; } = segments.All(s => s is { IsDescendant: false, Selectors: [NameSelector or IndexSelector] });

    /// <summary>True when a segment has a filter selector (which evaluates over the Newtonsoft tree only).</summary>
    public bool HasFilters { get; } = segments.Any(s => s.Selectors.Any(selector => selector is FilterSelector));

    /// <summary>The elements selected from <paramref name="start"/>, in order; only for a query without filters.</summary>
    public List<JsonElement> Select(JsonElement start)
    {
        var current = new List<JsonElement> { start };
        foreach (var segment in Segments)
        {
            var next = new List<JsonElement>();
            foreach (var node in current)
            {
                segment.Apply(node, next);
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    public List<SelectedNode> Select(JToken start, EvaluationContext context, bool trackPaths)
    {
        var current = new List<SelectedNode> { new(start, trackPaths ? NodeLocation.Root : null) };
        foreach (var segment in Segments)
        {
            var next = new List<SelectedNode>();
            foreach (var node in current)
            {
                segment.Apply(node, context, next);
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>The values selected from the current node <paramref name="current"/> (or the root, for <c>$</c>).</summary>
    public IReadOnlyList<JToken> Values(JToken current, EvaluationContext context) =>
        IsAbsolute ? context.Absolute(this) : [.. Select(current, context, trackPaths: false).Select(n => n.Value)];

    /// <summary>True when the query selects at least one node from <paramref name="current"/>.</summary>
    public bool Exists(JToken current, EvaluationContext context) => Values(current, context).Count > 0;
}
