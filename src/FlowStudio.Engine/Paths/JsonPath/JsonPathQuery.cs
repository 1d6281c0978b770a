using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>
/// A JSONPath query as RFC 9535 defines it: root <c>$</c>, child and descendant segments, name, wildcard, index, slice
/// and filter selectors, and the functions length(), count(), match(), search() and value(). Parse once, select many
/// times; selecting never throws, whatever the document holds. Nodes come in the RFC's order (object members in
/// document order), each once per way it is selected.
/// </summary>
/// <example><code>
/// var valid = JsonPathQuery.TryParse("$.data[?@.status == 'active']", out var query);
/// </code></example>
public sealed class JsonPathQuery
{
    /// <summary>The longest path accepted, in characters.</summary>
    public const int MaxLength = JsonPathParser.MaxLength;

    /// <summary>How deeply brackets, parentheses and function calls may nest in a path.</summary>
    public const int MaxNesting = JsonPathParser.MaxNesting;

    private readonly QueryExpression _query;

    private JsonPathQuery(string text, QueryExpression query)
    {
        Text = text;
        _query = query;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>True when the query can select at most one node (only single names and indexes, no descendants).</summary>
    public bool IsSingular => _query.IsSingular;

    /// <summary>
    /// Parses <paramref name="path"/> exactly as written (no trimming: RFC 9535 allows no surrounding whitespace).
    /// Throws <see cref="JsonPathException"/>, with the position and the problem, when it is not a valid JSONPath.
    /// </summary>
    public static JsonPathQuery Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new JsonPathQuery(path, JsonPathParser.Parse(path));
    }

    /// <summary>Parses <paramref name="path"/>; false (and a null query) when it is null or not a valid JSONPath.</summary>
    public static bool TryParse([NotNullWhen(true)] string? path, [NotNullWhen(true)] out JsonPathQuery? query)
    {
        query = null;
        if (path is null)
        {
            return false;
        }

        try
        {
            query = Parse(path);
            return true;
        }
        catch (JsonPathException)
        {
            return false;
        }
    }

    /// <summary>The values the query selects from <paramref name="root"/>, in order. The values themselves, not copies.</summary>
    internal IReadOnlyList<JToken> Select(JToken root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return [.. _query.Select(root, new EvaluationContext(root), trackPaths: false).Select(n => n.Value)];
    }

    /// <summary>
    /// The values the query selects from the System.Text.Json <paramref name="root"/>, in order, as elements of that same
    /// document. A query with filters is evaluated over <paramref name="tree"/> (the same JSON as a Newtonsoft tree, made
    /// only then) and its nodes are found in <paramref name="root"/> by their locations.
    /// </summary>
    internal IReadOnlyList<JsonElement> Select(JsonElement root, Func<JToken> tree)
    {
        if (!_query.HasFilters)
        {
            return _query.Select(root);
        }

        var document = tree();
        return [.. _query.Select(document, new EvaluationContext(document), trackPaths: true).Select(n => n.Location!.Find(root))];
    }

    /// <summary>The nodes the query selects from <paramref name="root"/>, in order, each with its Normalized Path.</summary>
    internal IReadOnlyList<JsonPathNode> SelectWithPaths(JToken root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return [.. _query.Select(root, new EvaluationContext(root), trackPaths: true)
            .Select(n => new JsonPathNode(n.Location!.ToNormalizedPath(), n.Value))];
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
