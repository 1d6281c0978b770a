namespace FlowStudio.Web.Features.Flows;

/// <summary>The flows' nodes in reading order, each with the node its edge comes from.</summary>
internal static class FlowGraph
{
    /// <summary>
    /// Each source, then its dataset, then the destinations that send the dataset on; a response webhook source follows
    /// the destination that feeds it. A node whose parent is gone (a destination whose dataset was deleted) starts its own row.
    /// </summary>
    public static IReadOnlyList<FlowLayoutNode> Nodes(FlowMap map)
    {
        var datasetSources = map.Sources.ToDictionary(s => s.DatasetId, s => s.Id);
        return
        [
            .. map.Sources.Select(s => new FlowLayoutNode(s.Id, FlowNodeKind.Source, s.FedBy)),
            .. map.Datasets.Select(d => new FlowLayoutNode(d.Id, FlowNodeKind.Dataset, d.SourceId ?? datasetSources.GetValueOrDefault(d.Id))),
            .. map.Destinations.Select(d => new FlowLayoutNode(d.Id, FlowNodeKind.Destination, d.DatasetId)),
        ];
    }
}
