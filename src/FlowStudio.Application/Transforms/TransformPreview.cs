using System.Text.Json.Nodes;

namespace FlowStudio.Application.Transforms;

/// <summary>The steps applied to the input's sample records: each record before and after, and how many were kept, dropped or failed.</summary>
public sealed record TransformPreview(IReadOnlyList<PreviewRecord> Records, int Kept, int Dropped, int Failed);

/// <summary>
/// One sample record: <paramref name="Before"/> the steps, <paramref name="After"/> them (empty when filtered out or
/// dropped, several when split) and the <paramref name="Error"/> that stopped it, naming the step.
/// </summary>
public sealed record PreviewRecord(JsonObject Before, IReadOnlyList<JsonObject> After, string? Error);
