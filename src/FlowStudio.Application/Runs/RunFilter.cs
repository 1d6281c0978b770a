namespace FlowStudio.Application.Runs;

/// <summary>Which runs to list: of one source or destination, with one status, the newest <paramref name="Limit"/>.</summary>
internal sealed record RunFilter(string? ResourceId = null, RunStatus? Status = null, int Limit = 100);

/// <summary>A source or destination that runs can be filtered by (<paramref name="Kind"/> null when it has no runs yet or is gone).</summary>
internal sealed record RunResource(string Id, string Name, RunKind? Kind);
