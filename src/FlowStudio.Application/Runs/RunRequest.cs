namespace FlowStudio.Application.Runs;

/// <summary>A run waiting for the engine: which resource, and the run row already created for it.</summary>
internal sealed record RunRequest(string RunId, string ResourceId, RunKind Kind);
