using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>
/// One evaluation of a query: the document's root (what <c>$</c> means inside filters) and the results of the absolute
/// queries in filters, which do not depend on the current node and so are evaluated once.
/// </summary>
internal sealed class EvaluationContext(JToken root)
{
    private readonly Dictionary<QueryExpression, IReadOnlyList<JToken>> _absolute = new(ReferenceEqualityComparer.Instance);

    public JToken Root { get; } = root;

    public IReadOnlyList<JToken> Absolute(QueryExpression query)
    {
        if (!_absolute.TryGetValue(query, out var nodes))
        {
            nodes = [.. query.Select(Root, this, trackPaths: false).Select(n => n.Value)];
            _absolute[query] = nodes;
        }

        return nodes;
    }
}
