namespace FlowStudio.Web.Features.Flows;

/// <summary>A kind of data flow offered by New Data Flow.</summary>
public sealed record FlowType(string Id, string Name, string Description)
{
    public const string FlexFlowId = "flexflow";

    /// <summary>FlowStudio builds FlexFlows: any API source, a dataset, any API destinations.</summary>
    public static readonly IReadOnlyList<FlowType> All =
    [
        new(FlexFlowId, "FlexFlow",
            "Read records from an API into a dataset, then send them to one or more API destinations. Works with any connector."),
    ];

    public static FlowType? Find(string? id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
}
