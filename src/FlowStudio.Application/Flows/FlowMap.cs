namespace FlowStudio.Application.Flows;

/// <summary>
/// Every flow as the canvas draws it: sources, the datasets they fill, the transforms that reshape a dataset into their
/// own (a transform node stands for its dataset too), and the destinations that send each dataset on.
/// </summary>
public sealed record FlowMap(
    IReadOnlyList<FlowSourceNode> Sources, IReadOnlyList<FlowDatasetNode> Datasets, IReadOnlyList<FlowDestinationNode> Destinations,
    IReadOnlyList<FlowTransformNode> Transforms)
{
    public static readonly FlowMap Empty = new([], [], [], []);

    public bool IsEmpty => Sources.Count == 0 && Datasets.Count == 0 && Destinations.Count == 0 && Transforms.Count == 0;
}

/// <summary>
/// A source: <paramref name="Method"/> the HTTP method its endpoint is called with (null for a webhook source);
/// <paramref name="FedBy"/> the destination whose API responses it receives, if any.
/// </summary>
public sealed record FlowSourceNode(
    string Id, string Name, SourceKind Kind, ResourceStatus Status, string Connector, string Endpoint, string? Method, string DatasetId, long RecordCount,
    bool Running, string? FedBy)
{
    /// <summary>Whether calling the endpoint (Test, a run) writes to the API rather than only reading.</summary>
    public bool Writes => Method is { } method && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);

    public bool IsWebhook => Kind == SourceKind.Webhook;
}

public sealed record FlowDatasetNode(string Id, string Name, string? SourceId, long RecordCount);

/// <summary>A transform: it reads <paramref name="InputDatasetId"/> and fills <paramref name="DatasetId"/> (<paramref name="RecordCount"/> records).</summary>
public sealed record FlowTransformNode(string Id, string Name, string InputDatasetId, string DatasetId, int Steps, long RecordCount);

/// <summary>
/// A destination with where its dataset's records stand: <paramref name="Sent"/>, <paramref name="Pending"/> (not tried
/// yet, or in flight) and <paramref name="Failed"/> (failed, including those failed for good).
/// </summary>
public sealed record FlowDestinationNode(
    string Id, string Name, string DatasetId, ResourceStatus Status, string Connector, string Endpoint, long Sent, long Pending, long Failed, bool Running);
