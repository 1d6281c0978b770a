using System.Text.Json;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>One selector of a segment: adds the nodes it selects from <c>node</c> to <c>output</c>, in order.</summary>
internal abstract class Selector
{
    public abstract void Select(SelectedNode node, EvaluationContext context, List<SelectedNode> output);

    /// <summary>
    /// The same selection over a System.Text.Json element. Filters evaluate only over the Newtonsoft tree, so a query with
    /// one never comes here (see <see cref="QueryExpression.HasFilters"/>).
    /// </summary>
    public virtual void Select(JsonElement node, List<JsonElement> output) =>
        throw new NotSupportedException("A filter selects over the parsed tree.");
}
