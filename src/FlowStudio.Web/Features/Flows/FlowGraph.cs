namespace FlowStudio.Web.Features.Flows;

/// <summary>The flows' nodes in reading order, each with the node its edge comes from.</summary>
internal static class FlowGraph
{
    /// <summary>
    /// Each source, then its dataset, then the transforms and destinations that read the dataset; a transform stands for
    /// the dataset it fills, so what reads that dataset follows the transform. A response webhook source follows the
    /// destination that feeds it. A node whose parent is gone (a destination whose dataset was deleted) starts its own row.
    /// </summary>
    public static IReadOnlyList<FlowLayoutNode> Nodes(FlowMap map)
    {
        var datasetSources = map.Sources.ToDictionary(s => s.DatasetId, s => s.Id);
        var filledBy = map.Transforms.ToDictionary(t => t.DatasetId, t => t.Id);
        string NodeOf(string datasetId) => filledBy.GetValueOrDefault(datasetId) ?? datasetId;
        return
        [
            .. map.Sources.Select(s => new FlowLayoutNode(s.Id, FlowNodeKind.Source, s.FedBy)),
            .. map.Datasets.Select(d => new FlowLayoutNode(d.Id, FlowNodeKind.Dataset, d.SourceId ?? datasetSources.GetValueOrDefault(d.Id))),
            .. map.Transforms.Select(t => new FlowLayoutNode(t.Id, FlowNodeKind.Transform, NodeOf(t.InputDatasetId))),
            .. map.Destinations.Select(d => new FlowLayoutNode(d.Id, FlowNodeKind.Destination, NodeOf(d.DatasetId))),
        ];
    }
}
