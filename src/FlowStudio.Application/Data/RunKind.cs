namespace FlowStudio.Application.Data;

/// <summary>What a run executes: stored and shown as "source", "destination" or "sync".</summary>
public enum RunKind
{
    Source,
    Destination,
    Sync,
}
