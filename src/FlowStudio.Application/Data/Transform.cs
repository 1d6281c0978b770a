namespace FlowStudio.Application.Data;

/// <summary>
/// Filters and reshapes the records of its input dataset into its own dataset (<see cref="DatasetId"/>), which
/// destinations send like a source's dataset.
/// </summary>
internal sealed class Transform
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    /// <summary>The dataset whose records it reads: a source's dataset or another transform's.</summary>
    public required string InputDatasetId { get; init; }

    /// <summary>The dataset it writes (derived: only this transform changes it).</summary>
    public required string DatasetId { get; init; }

    /// <summary>The steps, <c>[{kind, ...}]</c>, as JSON.</summary>
    public string StepsJson { get; set; } = "[]";

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
