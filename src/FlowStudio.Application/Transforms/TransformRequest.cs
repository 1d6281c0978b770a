using FlowStudio.Engine.Transforms;

namespace FlowStudio.Application.Transforms;

/// <summary>A transform as the API and the editor send it: its name, the dataset it reads and its steps in order.</summary>
public sealed record TransformRequest(string? Name, string? InputDatasetId, IReadOnlyList<TransformStep?>? Steps);

/// <summary>A saved transform; <paramref name="DatasetId"/> is the dataset it fills, which destinations send.</summary>
public sealed record TransformView(
    string Id, string Name, string InputDatasetId, string DatasetId, IReadOnlyList<TransformStep> Steps, long RecordCount, DateTime CreatedAt, DateTime UpdatedAt);
