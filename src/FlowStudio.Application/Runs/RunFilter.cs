namespace FlowStudio.Application.Runs;

/// <summary>Which runs to list: of one source or destination, with one status ("running", "succeeded", "failed", "cancelled"), the newest <paramref name="Limit"/>.</summary>
internal sealed record RunFilter(string? ResourceId = null, string? Status = null, int Limit = 100);

/// <summary>A source or destination that runs can be filtered by.</summary>
internal sealed record RunResource(string Id, string Name, string Kind);
