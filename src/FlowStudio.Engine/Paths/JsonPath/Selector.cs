namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>One selector of a segment: adds the nodes it selects from <c>node</c> to <c>output</c>, in order.</summary>
internal abstract class Selector
{
    public abstract void Select(SelectedNode node, EvaluationContext context, List<SelectedNode> output);
}
